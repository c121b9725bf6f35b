"""The short result code (``LX2…``): what the trainee did, authenticated, without a score.

Bit layout (see bits.py for the text, the check symbol and the primitives)::

    4  format (1)            1  ticketed      1  has a sitting code
    32 bank tag: SHA-256(bank id)[:4]          32 version tag: the gradable version's first 8 hex
    32 seed                  32 started (unix seconds)
    varuint zigzag(finished - started)
    ticketed: text 准考证号 | else: text name, text unit, text trainee id
    has sitting: text sitting code
    64 MAC: HMAC-SHA512(key, "LX2" + bytes(every other bit, padding included, in order))[:8]
    responses, in the order presented (the seed's draw; a case's sub-questions in turn):
      single   ⌈log2(n+1)⌉ bits: 0 none, 1+k option k (authored letter)
      multiple n bits, bit k for option k (none set: unanswered)
      judge    2 bits: 0 none, 1 正确, 2 错误
      blank    1 bit answered, then one text per blank
      order    1 bit answered, then ⌈log2(n+1)⌉ bits count, count × ⌈log2 n⌉ bits item
      match    1 bit answered, then per left item ⌈log2(n+1)⌉ bits: 0 none, 1+j right j
    zero bits up to a whole symbol

The key is derived from the trainee's ticket when there is one (see tickets.py); without a
roster it is a public constant, so the MAC then guards against damage only.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from .bits import (
    ALPHABET,
    PREFIX,
    BadBits,
    BitReader,
    BitWriter,
    check_holds,
    check_symbol,
    find_codes,
    symbols_of,
)

FORMAT = 1
PUBLIC_KEY = b"lunxun:self-declared"
MAX_SYMBOLS = 4000  # a long exam with long blank answers stays far below


class InvalidExamCode(ValueError):
    """Not a valid LX2 code; the message says why, in Chinese."""


@dataclass(frozen=True)
class Slot:
    """One gradable question as the code stores its response."""

    id: str
    type: str
    size: int  # options, blanks, items or pairs


@dataclass(frozen=True)
class ExamCode:
    bank_tag: int
    version_tag: int
    seed: int
    started: int
    finished: int
    ticket: str
    name: str
    unit: str
    trainee_id: str
    sitting: str
    mac: bytes
    text: str
    _reader: BitReader  # over the symbols before the check symbol
    _mac_at: int  # bit offset of the MAC

    def responses(self, slots: list[Slot]) -> dict[str, Any]:
        """The answers, read with the layout of the attempt (from the bank and the seed).

        Raises:
            InvalidExamCode: the responses do not fit the layout.
        """
        reader = self._reader.clone(self._mac_at + 64)
        try:
            answers = _read_responses(reader, slots)
            if not reader.rest_is_padding():
                raise BadBits("作答内容比抽到的题目多")
        except BadBits as error:
            raise InvalidExamCode(f"作答与题库抽出的题目对不上（{error}）") from None
        return answers

    def verifies(self, key: bytes) -> bool:
        reader = self._reader
        body = reader.slice_bits(0, self._mac_at)
        body.append(reader.slice_bits(self._mac_at + 64, reader.size))
        return hmac.compare_digest(_mac(key, body), self.mac)


def bank_tag(bank_id: str) -> int:
    return int.from_bytes(hashlib.sha256(bank_id.encode()).digest()[:4], "big")


def version_tag(version: str) -> int:
    return int(version[:8], 16)


def _mac(key: bytes, body: BitWriter) -> bytes:
    return hmac.new(key, PREFIX.encode() + body.to_bytes(), hashlib.sha512).digest()[:8]


def _width(n: int) -> int:
    return max(n, 1).bit_length()


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _write_responses(out: BitWriter, slots: list[Slot], answers: dict[str, Any]) -> None:
    for slot in slots:
        a, n = answers.get(slot.id), slot.size
        if slot.type == "single":
            out.uint(0 if a is None else "ABCDEFGH".index(a) + 1, _width(n))
        elif slot.type == "multiple":
            out.uint(sum(1 << (n - 1 - "ABCDEFGH".index(x)) for x in (a or "")), n)
        elif slot.type == "judge":
            out.uint(0 if a is None else 1 if a == 1 else 2, 2)
        else:
            out.uint(int(a is not None), 1)
            if a is None:
                continue
            if slot.type == "blank":
                for k in range(n):
                    out.text(a[k] if k < len(a) else "")
            elif slot.type == "order":
                out.uint(len(a), _width(n))
                for x in a:
                    out.uint(x, _width(n - 1))
            elif slot.type == "match":
                for k in range(n):
                    out.uint(0 if a[k] is None else a[k] + 1, _width(n))


def _read_responses(reader: BitReader, slots: list[Slot]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    uint = reader.uint
    for slot in slots:
        n, kind = slot.size, slot.type
        if kind == "single":
            value = uint(_width(n))
            if value > n:
                raise BadBits("单选题的选项超出范围")
            if value:
                answers[slot.id] = "ABCDEFGH"[value - 1]
        elif kind == "multiple":
            mask = uint(n)
            if mask:
                answers[slot.id] = "".join("ABCDEFGH"[k] for k in range(n) if mask >> (n - 1 - k) & 1)
        elif kind == "judge":
            value = uint(2)
            if value == 3:
                raise BadBits("判断题的作答无效")
            if value:
                answers[slot.id] = 1 if value == 1 else 0
        elif uint(1):
            answers[slot.id] = _read_structured(reader, slot)
    return answers


def _read_structured(reader: BitReader, slot: Slot) -> list[Any]:
    n = slot.size
    if slot.type == "blank":
        return [reader.text() for _ in range(n)]
    if slot.type == "order":
        count = reader.uint(_width(n))
        width = _width(n - 1)
        items = [reader.uint(width) for _ in range(min(count, n + 1))]
        if count > n or any(x >= n for x in items) or len(set(items)) != len(items):
            raise BadBits("排序题的作答无效")
        return items
    if slot.type == "match":
        width = _width(n)
        values = [reader.uint(width) for _ in range(n)]
        if any(v > n for v in values):
            raise BadBits("配对题的作答无效")
        return [v - 1 if v else None for v in values]
    raise BadBits(f"未知的题型 {slot.type}")


def encode_exam_code(*, bank_id: str, version: str, seed: int, started: int, finished: int,
                     slots: list[Slot], answers: dict[str, Any], key: bytes = PUBLIC_KEY,
                     ticket: str = "", name: str = "", unit: str = "", trainee_id: str = "",
                     sitting: str = "") -> str:
    """The code the browser engine writes for an attempt (the same bits, the same text)."""
    head = BitWriter()
    head.uint(FORMAT, 4)
    head.uint(int(bool(ticket)), 1)
    head.uint(int(bool(sitting)), 1)
    head.uint(bank_tag(bank_id), 32)
    head.uint(version_tag(version), 32)
    head.uint(seed, 32)
    head.uint(started, 32)
    head.varuint(_zigzag(finished - started))
    for text in ([ticket] if ticket else [name, unit, trainee_id]) + ([sitting] if sitting else []):
        head.text(text)
    tail = BitWriter()
    _write_responses(tail, slots, answers)
    tail.uint(0, -(head.size + 64 + tail.size) % 5)  # the padding is signed too
    body = BitWriter()
    body.append(head)
    body.append(tail)
    whole = BitWriter()
    whole.append(head)
    whole.uint(int.from_bytes(_mac(key, body), "big"), 64)
    whole.append(tail)
    symbols = whole.to_symbols()
    return PREFIX + "".join(ALPHABET[s] for s in symbols) + ALPHABET[check_symbol(symbols)]


def decode_exam_code(text: str) -> ExamCode:
    """Check an LX2 code's symbols and read its header (the responses need the bank).

    Raises:
        InvalidExamCode: with the reason in Chinese.
    """
    if not text.upper().startswith(PREFIX):
        raise InvalidExamCode("不是成绩码：成绩码以“LX2”开头")
    symbols = symbols_of(text[len(PREFIX):])
    if symbols is None:
        raise InvalidExamCode("成绩码含有不该有的字符：请让学员重新复制完整的成绩码")
    if len(symbols) > MAX_SYMBOLS:
        raise InvalidExamCode("成绩码太长")
    if len(symbols) < 2 or not check_holds(symbols):
        raise InvalidExamCode("校验位不符：成绩码抄错、少了字符或被改动过，请让学员重新复制")
    reader = BitReader.of_text(text[len(PREFIX):-1].upper())
    try:
        if reader.uint(4) != FORMAT:
            raise InvalidExamCode("成绩码格式版本不受支持：请更新 lunxun")
        ticketed, has_sitting = reader.uint(1), reader.uint(1)
        bank, version, seed, started = (reader.uint(32) for _ in range(4))
        delta = reader.varuint(1 << 33)
        finished = started + (delta // 2 if delta % 2 == 0 else -(delta + 1) // 2)
        ticket, name, unit, trainee_id = (reader.text(40), "", "", "") if ticketed else \
            ("", reader.text(40), reader.text(80), reader.text(40))
        sitting = reader.text(40) if has_sitting else ""
        mac_at = reader.at
        mac = reader.uint(64).to_bytes(8, "big")
    except BadBits as error:
        raise InvalidExamCode(str(error)) from None
    return ExamCode(bank, version, seed, started, finished, ticket, name, unit, trainee_id, sitting,
                    mac, PREFIX + text[len(PREFIX):].upper(), reader, mac_at)


def find_exam_codes(text: str) -> list[tuple[int, str]]:
    """Every LX2 code in a pasted text, with its line (see bits.find_codes)."""
    return find_codes(PREFIX, text)
