"""The evaluation code (``LE1…``): one trainee's 培训质量测评 from the cohort's 测评 page.

Bit layout (short_code.py gives the text, the check symbol and the MAC)::

    4  format (1)            1  ticketed
    32 cohort tag: SHA-256("<programme>/<cohort>")[:4]
    32 schedule tag: SHA-256 of the rated sessions (schedule_lines)[:4]
    32 sent at, in minutes since 1970 (minutes, not seconds: less to tell who sent it when)
    varuint n, the rated sessions; then per session 3 × 3 bits: 内容, 授课, 实用 (0 not rated, 1–5)
    3  overall (0 not rated, 1–5)
    text comment (at most MAX_COMMENT characters)
    zero bits up to a whole symbol with the MAC; 64 MAC

No identity: no name, no ticket number. A ticketed code is signed with the trainee's ticket
key (results/tickets.py), so only the trainer, trying every ticket of the cohort, finds that
it is genuine and which ticket sent it, to count one evaluation per ticket.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..results.bits import BadBits, BitWriter
from .schedule import ClassSession
from .short_code import InvalidShortCode, Opened, damaged, open_code, seal

PREFIX = "LE1"
NOUN = "测评码"
FORMAT = 1
PUBLIC_KEY = b"lunxun:evaluation"
MAX_COMMENT = 300  # characters: what a trainee types on a phone in a minute, with room to spare
MAX_SESSIONS = 200
MAX_SYMBOLS = 2000


@dataclass(frozen=True)
class EvaluationCode:
    ticketed: bool
    cohort_tag: int
    schedule_tag: int
    minutes: int
    ratings: tuple[tuple[int, int, int], ...]  # per rated session: 内容, 授课, 实用; 0 is not rated
    overall: int
    comment: str
    opened: Opened

    @property
    def text(self) -> str:
        return self.opened.text

    def verifies(self, key: bytes = PUBLIC_KEY) -> bool:
        return self.opened.verifies(key)


def schedule_lines(sessions: list[ClassSession]) -> list[str]:
    """What the schedule tag covers: a changed title, speaker or time gives another tag."""
    return [f"{s.number}|{s.day}|{s.time}|{s.kind}|{s.title}|{s.speaker or ''}" for s in sessions]


def encode_evaluation_code(*, cohort_tag: int, schedule_tag: int, minutes: int,
                           ratings: list[tuple[int, int, int]], overall: int, comment: str,
                           key: bytes | None = None) -> str:
    """The code the page writes (the same bits, the same text); ``key`` is the ticket's, if any."""
    body = BitWriter()
    body.uint(FORMAT, 4)
    body.uint(int(key is not None), 1)
    for value in (cohort_tag, schedule_tag, minutes):
        body.uint(value, 32)
    body.varuint(len(ratings))
    for triple in ratings:
        for score in triple:
            body.uint(score, 3)
    body.uint(overall, 3)
    body.text(comment)
    return seal(PREFIX, body, key if key is not None else PUBLIC_KEY)


def decode_evaluation_code(text: str) -> EvaluationCode:
    """Check an LE1 code and read it (the MAC is checked by ``verifies``).

    Raises:
        InvalidShortCode: with the reason in Chinese.
    """
    opened = open_code(PREFIX, text, NOUN, MAX_SYMBOLS)
    reader = opened.reader
    try:
        if reader.uint(4) != FORMAT:
            raise InvalidShortCode(f"{NOUN}格式版本不受支持：请更新 lunxun")
        ticketed = bool(reader.uint(1))
        cohort, schedule, minutes = reader.uint(32), reader.uint(32), reader.uint(32)
        count = reader.varuint(MAX_SESSIONS + 1)
        if count > MAX_SESSIONS:
            raise InvalidShortCode(f"{NOUN}中的课次太多，不是本站测评页生成的")
        ratings = []
        for _ in range(count):
            triple = (reader.uint(3), reader.uint(3), reader.uint(3))
            if max(triple) > 5:
                raise InvalidShortCode(f"{NOUN}中有 1–5 以外的分数：请重新复制")
            ratings.append(triple)
        overall = reader.uint(3)
        if overall > 5:
            raise InvalidShortCode(f"{NOUN}中的总体评价不是 1–5 分：请重新复制")
        comment = reader.text(MAX_COMMENT)
        opened.finish(NOUN)
    except BadBits as error:
        raise damaged(NOUN, error) from None
    return EvaluationCode(ticketed, cohort, schedule, minutes, tuple(ratings), overall, comment, opened)
