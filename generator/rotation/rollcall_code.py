"""The roll-call code (``LA1…``): the class teacher's 点名 of one or more sessions, from the
cohort's 点名 page on a phone.

Bit layout (short_code.py gives the text, the check symbol and the MAC)::

    4  format (1)
    32 cohort tag: SHA-256("<programme>/<cohort>")[:4]
    32 schedule tag: SHA-256 of the cohort's sessions (schedule_lines)[:4]
    32 sent at, in minutes since 1970
    varuint seats: how many numbers the page lists (the cohort's capacity)
    varuint k, the sessions marked; then per session:
      varuint session number (1-based, as in the attendance workbook)
      seats × 3 bits: 0 not marked, 1 到, 2 迟到, 3 早退, 4 请假, 5 缺勤
    zero bits up to a whole symbol with the MAC; 64 MAC with a public key (it guards against damage only)

A seat is the trainee's 序号: their place in the roster, as the printed sign-in sheet and the
attendance workbook list them. No name and no 学员编号 is in the code or the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..results.bits import BadBits, BitWriter
from .attendance import MARKS
from .schedule import ClassSession
from .short_code import InvalidShortCode, damaged, open_code, seal

PREFIX = "LA1"
NOUN = "点名码"
FORMAT = 1
PUBLIC_KEY = b"lunxun:roll-call"
MAX_SEATS = 2000  # the model's largest capacity
MAX_SESSIONS = 200
MAX_SYMBOLS = 20000


@dataclass(frozen=True)
class RollCallCode:
    cohort_tag: int
    schedule_tag: int
    minutes: int
    seats: int
    marks: dict[int, dict[int, str]]  # session number → seat (1-based) → mark
    text: str


def schedule_lines(sessions: list[ClassSession]) -> list[str]:
    return [f"{s.number}|{s.date.isoformat()}|{s.time}|{s.kind}|{s.title}" for s in sessions]


def encode_rollcall_code(*, cohort_tag: int, schedule_tag: int, minutes: int, seats: int,
                         marks: dict[int, dict[int, str]]) -> str:
    """The code the page writes for ``marks`` (session → seat → mark)."""
    body = BitWriter()
    body.uint(FORMAT, 4)
    for value in (cohort_tag, schedule_tag, minutes):
        body.uint(value, 32)
    body.varuint(seats)
    body.varuint(len(marks))
    for session in sorted(marks):
        body.varuint(session)
        for seat in range(1, seats + 1):
            mark = marks[session].get(seat)
            body.uint(0 if mark is None else MARKS.index(mark) + 1, 3)
    return seal(PREFIX, body, PUBLIC_KEY)


def decode_rollcall_code(text: str) -> RollCallCode:
    """Check an LA1 code, its MAC, and read it.

    Raises:
        InvalidShortCode: with the reason in Chinese.
    """
    opened = open_code(PREFIX, text, NOUN, MAX_SYMBOLS)
    reader = opened.reader
    try:
        if reader.uint(4) != FORMAT:
            raise InvalidShortCode(f"{NOUN}格式版本不受支持：请更新 lunxun")
        cohort, schedule, minutes = reader.uint(32), reader.uint(32), reader.uint(32)
        seats = reader.varuint(MAX_SEATS + 1)
        count = reader.varuint(MAX_SESSIONS + 1)
        if seats > MAX_SEATS or count > MAX_SESSIONS or seats * count * 3 > opened.mac_at:
            raise InvalidShortCode(f"{NOUN}中的人数或课次超出范围，不是本站点名页生成的")
        marks: dict[int, dict[int, str]] = {}
        for _ in range(count):
            session = reader.varuint(MAX_SESSIONS + 1)
            if session in marks or not 1 <= session <= MAX_SESSIONS:
                raise InvalidShortCode(f"{NOUN}中的课次编号无效")
            row: dict[int, str] = {}
            for seat in range(1, seats + 1):
                value = reader.uint(3)
                if value > len(MARKS):
                    raise InvalidShortCode(f"{NOUN}中有无效的考勤标记")
                if value:
                    row[seat] = MARKS[value - 1]
            marks[session] = row
        opened.finish(NOUN)
    except BadBits as error:
        raise damaged(NOUN, error) from None
    if not opened.verifies(PUBLIC_KEY):
        raise InvalidShortCode(f"{NOUN}的签名不符：内容被改动过，请班主任重新复制")
    return RollCallCode(cohort, schedule, minutes, seats, marks, opened.text)
