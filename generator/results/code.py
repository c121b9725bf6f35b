"""Result codes: ``LX1.<payload>.<crc>``, made by the quiz engine (assets/quiz/52-result-code.js).

``payload`` is the base64url text (no padding) of a UTF-8 JSON object and ``crc`` is the
CRC-32 (zlib's polynomial) of the payload's ASCII text as eight lowercase hex digits. The
JSON keys are short because trainees paste codes into chat apps:

==== ============================================================================
key  meaning
==== ============================================================================
v    format version, 1
b    bank id; ``bv`` the bank's content version
s    the attempt's seed (uint32): it reproduces the draw and the shuffles
n    trainee's name; ``u`` unit; ``i`` trainee id (each may be "")
q    question ids as presented; a case's sub-question ids follow the case id
a    answers by question id; unanswered questions are left out:
     single ``"B"``, multiple ``"ACD"`` (letters as authored), judge ``1``/``0``,
     blank ``["情", "理"]``, order: authored item indexes in the order placed,
     match: per left item (authored order) the authored right index or ``null``
r    correctness by gradable question id, 1 or 0
p    points earned; ``m`` points possible; ``sc`` score percent (1 decimal)
ok   1 when passed; ``t`` seconds used; ``f`` finished at (unix seconds)
==== ============================================================================
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

PREFIX = "LX1."
VERSION = 1
_ALPHABET = re.compile(r"[A-Za-z0-9_-]")
_HEX = re.compile(r"[0-9a-fA-F]")
_CODE = re.compile(r"LX1\.([A-Za-z0-9_-]+)\.([0-9a-fA-F]{8})")
# What chat apps slip into long texts: spaces, line breaks, zero-width characters.
_SPACE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\u00ad]")
_KEYS = {
    "v": "版本", "b": "题库", "bv": "题库版本", "s": "随机种子", "n": "姓名", "u": "单位", "i": "学员编号",
    "q": "题目", "a": "作答", "r": "对错", "p": "得分", "m": "满分", "sc": "百分制成绩", "ok": "是否合格",
    "t": "用时", "f": "交卷时间",
}


class InvalidCode(ValueError):
    """A text that is not a valid result code; the message says why, in Chinese."""


@dataclass(frozen=True)
class ResultCode:
    """One finished attempt, exactly as the trainee's browser recorded it.

    The fields carry the payload's short keys (see the module docstring), so a decoded code
    reads like its JSON; the properties give them plain names.
    """

    v: int
    b: str
    bv: str
    s: int
    n: str
    u: str
    i: str
    q: list[str]
    a: dict[str, Any]
    r: dict[str, int]
    p: float
    m: float
    sc: float
    ok: int
    t: int
    f: int
    text: str = field(default="", compare=False)

    bank = property(lambda self: self.b, doc="Bank id.")
    bank_version = property(lambda self: self.bv, doc="The bank's content version.")
    seed = property(lambda self: self.s, doc="The attempt's seed (uint32).")
    name = property(lambda self: self.n, doc="Trainee's name.")
    unit = property(lambda self: self.u, doc="Trainee's unit.")
    trainee_id = property(lambda self: self.i, doc="Trainee's id, may be empty.")
    questions = property(lambda self: self.q, doc="Question ids as presented.")
    answers = property(lambda self: self.a, doc="Answers by question id, unanswered left out.")
    points = property(lambda self: self.p, doc="Points earned.")
    max_points = property(lambda self: self.m, doc="Points possible.")
    score = property(lambda self: self.sc, doc="Score percent, one decimal.")
    passed = property(lambda self: bool(self.ok), doc="Whether the attempt passed.")
    seconds = property(lambda self: self.t, doc="Seconds used.")

    @property
    def correct(self) -> dict[str, bool]:
        """Correctness by gradable question id."""
        return {qid: bool(value) for qid, value in self.r.items()}

    @property
    def finished_at(self) -> datetime:
        """When the attempt was finished, in UTC."""
        return datetime.fromtimestamp(self.f, tz=UTC)

    def payload(self) -> dict[str, Any]:
        """The JSON object with the short keys, as the browser writes it."""
        return {key: getattr(self, key) for key in _KEYS}


def _crc(payload: str) -> str:
    return f"{binascii.crc32(payload.encode('ascii')) & 0xFFFFFFFF:08x}"


def encode_result_code(result: ResultCode | dict[str, Any]) -> str:
    """Make the code for a result (or for a raw payload dict); the inverse of decoding."""
    data = result.payload() if isinstance(result, ResultCode) else result
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{PREFIX}{payload}.{_crc(payload)}"


def decode_result_code(text: str) -> ResultCode:
    """Check and decode one result code.

    Spaces, line breaks and zero-width characters inside the code are ignored, so a code
    that a chat app wrapped still decodes; use :func:`find_codes` first for pasted messages.

    Raises:
        InvalidCode: the text is not a code, is incomplete, was altered (checksum), or is
            of a version this program does not read; the message explains it in Chinese.
    """
    compact = _SPACE.sub("", text)
    if not compact.startswith(PREFIX):
        raise InvalidCode("不是成绩码：成绩码以“LX1.”开头")
    match = _CODE.fullmatch(compact)
    if match is None:
        raise InvalidCode("成绩码不完整或含有多余的字符：请让学员重新复制完整的成绩码")
    payload, crc = match.groups()
    if _crc(payload) != crc.lower():
        raise InvalidCode("校验码不符：成绩码被改动过，或复制时丢了字符")
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError):
        raise InvalidCode("成绩码的内容无法解码（不是有效的 base64 编码的 JSON）") from None
    if not isinstance(data, dict):
        raise InvalidCode("成绩码的内容不是一个对象")
    if data.get("v") != VERSION:
        raise InvalidCode(f"成绩码版本 {data.get('v')!r} 不受支持：本程序只能读取版本 {VERSION}")
    return _result(data, compact)


def _result(data: dict[str, Any], text: str) -> ResultCode:
    missing = [f"{key}（{label}）" for key, label in _KEYS.items() if key not in data]
    if missing:
        raise InvalidCode("成绩码缺少字段：" + "、".join(missing))
    _expect(data, "b", str, "bv", str, "n", str, "u", str, "i", str, "q", list, "a", dict, "r", dict)
    _expect(data, "s", int, "t", int, "f", int, "ok", int, "p", (int, float), "m", (int, float), "sc", (int, float))
    if not all(isinstance(qid, str) for qid in data["q"]):
        raise InvalidCode("成绩码字段 q（题目）应为题目 id 的列表")
    if not all(value in (0, 1) and not isinstance(value, float) for value in data["r"].values()):
        raise InvalidCode("成绩码字段 r（对错）的值应为 1 或 0")
    if data["ok"] not in (0, 1):
        raise InvalidCode("成绩码字段 ok（是否合格）的值应为 1 或 0")
    return ResultCode(**{key: data[key] for key in _KEYS}, text=text)


def _expect(data: dict[str, Any], *pairs: Any) -> None:
    for key, kind in zip(pairs[::2], pairs[1::2]):
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            raise InvalidCode(f"成绩码字段 {key}（{_KEYS[key]}）的类型不对")


def find_codes(text: str) -> list[tuple[int, str]]:
    """Every result code in a text pasted from a chat app, with the line it starts on.

    Tolerates what chats add around and inside codes: names and colons before them
    (``张三：LX1...``), quotes and brackets, spaces, line breaks and zero-width characters
    within. The returned code text has those removed. Candidates that start with ``LX1.``
    but are cut short are returned too, so :func:`decode_result_code` can say what is wrong.

    Returns:
        ``(line_number, code_text)`` pairs, line numbers counted from 1, in text order.
    """
    found = []
    line, counted = 1, 0
    start = text.find(PREFIX)
    while start >= 0:
        line += text.count("\n", counted, start)  # counted on from the last code: linear time
        counted = start
        whole = _CODE.match(text, start)  # the common case, an unbroken code, at C speed
        code, end = (whole.group(), whole.end()) if whole else _read_code(text, start)
        found.append((line, code))
        start = text.find(PREFIX, max(end, start + len(PREFIX)))
    return found


def _read_code(text: str, start: int) -> tuple[str, int]:
    """Read a code from ``start``: payload characters up to a dot, then eight hex digits."""
    chars = [PREFIX]
    index, part, digits = start + len(PREFIX), "payload", 0
    while index < len(text) and (part == "payload" or digits < 8):
        char = text[index]
        if text.startswith(PREFIX, index):  # the next code: this one was cut short
            break
        if _SPACE.match(char):
            index += 1
            continue
        if part == "payload" and char == "." and len(chars) > 1:
            part = "crc"
        elif part == "payload" and _ALPHABET.match(char):
            pass
        elif part == "crc" and _HEX.match(char):
            digits += 1
        else:
            break
        chars.append(char)
        index += 1
    return "".join(chars).rstrip(), index
