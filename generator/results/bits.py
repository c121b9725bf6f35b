"""The bit stream and the text of the short result code (LX2), shared by encoder and decoder.

Text: ``LX2`` + Crockford base32 symbols (``0-9 A-Z`` without I, L, O, U) + one check symbol.
Only capital letters and digits: chat apps (WeChat, QQ, SMS) make no links, emoji or
full-width forms of them, and a code that starts with letters is no phone number. Read
back, lower case is folded up and I/L/O read as 1/1/0, as Crockford's alphabet intends.

Check symbol: over GF(32) = GF(2)[x]/(x^5 + x^2 + 1), ``c = 2·c + d`` for every symbol d,
then the check is ``2·c`` so that the sum over the whole code is 0. The step y ↦ 2·c + y is a
bijection, so any single wrong symbol is caught, and (2·c + x)·2 + y ≠ (2·c + y)·2 + x for
x ≠ y (because 2 ≠ 1), so any swap of neighbours is caught too: Damm's scheme on a field.
"""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "LX2"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}
_VALUE.update({"I": 1, "L": 1, "O": 0})
CJK_BASE = 0x4E00
_TO_BASE32 = str.maketrans(ALPHABET + "ILO", "0123456789abcdefghijklmnopqrstuv" + "110")  # → int(…, 32) digits


class BadBits(ValueError):
    """The stream ended early or holds a value out of range; message in Chinese."""


def _times2(value: int) -> int:
    value <<= 1
    return value ^ 0b100101 if value & 0b100000 else value


_TIMES2 = [_times2(value) for value in range(32)]


def check_symbol(symbols: list[int]) -> int:
    state = 0
    for symbol in symbols:
        state = _TIMES2[state] ^ symbol
    return _TIMES2[state]


def symbols_of(text: str) -> list[int] | None:
    """Base32 values of a code's symbols after the prefix, or None if one is not in the alphabet."""
    try:
        return [_VALUE[char] for char in text.upper()]
    except KeyError:
        return None


def check_holds(symbols: list[int]) -> bool:
    state = 0
    for symbol in symbols:
        state = _TIMES2[state] ^ symbol
    return state == 0


class BitWriter:
    def __init__(self) -> None:
        self.value = 0
        self.size = 0

    def uint(self, value: int, bits: int) -> None:
        if not 0 <= value < 1 << bits:
            raise ValueError(f"{value} does not fit in {bits} bits")
        self.value = (self.value << bits) | value
        self.size += bits

    def varuint(self, value: int) -> None:
        """Groups of 7 bits, most significant first, each after a 'more follows' bit."""
        groups = [value & 127]
        value >>= 7
        while value:
            groups.append(value & 127)
            value >>= 7
        for k, group in enumerate(reversed(groups)):
            self.uint(int(k < len(groups) - 1), 1)
            self.uint(group, 7)

    def text(self, text: str) -> None:
        """Count, then each character: 0+7 bits ASCII, 10+15 bits from U+4E00, else 11+21 bits."""
        self.varuint(len(text))
        for char in text:
            point = ord(char)
            if point < 128:
                self.uint(point, 8)
            elif CJK_BASE <= point < CJK_BASE + (1 << 15):
                self.uint(0b10, 2)
                self.uint(point - CJK_BASE, 15)
            else:
                self.uint(0b11, 2)
                self.uint(point, 21)

    def append(self, other: BitWriter) -> None:
        self.uint(other.value, other.size)

    def to_bytes(self) -> bytes:
        pad = -self.size % 8
        return (self.value << pad).to_bytes((self.size + pad) // 8, "big")

    def to_symbols(self) -> list[int]:
        pad = -self.size % 5
        value, count = self.value << pad, (self.size + pad) // 5
        return [(value >> (5 * (count - 1 - k))) & 31 for k in range(count)]


class BitReader:
    """Reads a code's bits from one integer, most significant first.

    It counts the bits ``left`` rather than the position: one subtraction and one shift per
    value, which is most of the time re-grading takes to read 100,000 codes.
    """

    def __init__(self, symbols: list[int] | tuple[int, ...]) -> None:
        self.value = int("".join(ALPHABET[s] for s in symbols).translate(_TO_BASE32), 32) if symbols else 0
        self.size = self.left = 5 * len(symbols)

    @classmethod
    def of_text(cls, text: str) -> BitReader:
        """Over a code's symbols as text (upper case, Crockford letters only): int() reads it in C."""
        reader = cls(())
        reader.value = int(text.translate(_TO_BASE32), 32) if text else 0
        reader.size = reader.left = 5 * len(text)
        return reader

    @property
    def at(self) -> int:
        return self.size - self.left

    def clone(self, at: int) -> BitReader:
        other = BitReader(())
        other.value, other.size, other.left = self.value, self.size, self.size - at
        return other

    def uint(self, bits: int) -> int:
        left = self.left - bits
        if left < 0:
            raise BadBits("成绩码不完整：内容在中途结束")
        self.left = left
        return (self.value >> left) & ((1 << bits) - 1)

    def varuint(self, limit: int = 1 << 32) -> int:
        value = 0
        for _ in range(6):
            group = self.uint(8)  # the "more" bit, then 7 bits
            value = (value << 7) | (group & 127)
            if value >= limit:
                raise BadBits("成绩码中的数值超出范围")
            if not group & 128:
                return value
        raise BadBits("成绩码中的数值超出范围")

    def text(self, limit: int = 200) -> str:
        count = self.varuint(limit + 1)
        if count > limit:
            raise BadBits("成绩码中的文字太长")
        # uint inlined: a name, a unit and every blank's answer are read character by character
        value, left = self.value, self.left
        chars = []
        for _ in range(count):
            if left < 8:  # the shortest character
                raise BadBits("成绩码不完整：内容在中途结束")
            head = (value >> (left - 2)) & 3
            if head < 2:  # 0 and 7 bits ASCII
                left -= 8
                chars.append(chr((value >> left) & 127))
            elif head == 2:  # 10 and 15 bits from U+4E00
                left -= 17
                if left < 0:
                    raise BadBits("成绩码不完整：内容在中途结束")
                chars.append(chr(CJK_BASE + ((value >> left) & 0x7FFF)))
            else:  # 11 and 21 bits
                left -= 23
                if left < 0:
                    raise BadBits("成绩码不完整：内容在中途结束")
                point = (value >> left) & 0x1FFFFF
                if point > 0x10FFFF or 0xD800 <= point < 0xE000:
                    raise BadBits("成绩码中的文字含有无效字符")
                chars.append(chr(point))
        self.left = left
        return "".join(chars)

    def rest_is_padding(self) -> bool:
        """Fewer than 5 bits left, all zero: what the writer pads with."""
        left = self.left
        return left < 5 and self.uint(left) == 0

    def slice_bits(self, start: int, end: int) -> BitWriter:
        out = BitWriter()
        out.uint((self.value >> (self.size - end)) & ((1 << (end - start)) - 1), end - start)
        return out


# What chat apps put inside a long code: spaces, breaks, no-break and zero-width spaces.
_GAP_CHARS = "[ \t\r\n\u00a0\u3000\u200b-\u200d\u2060\ufeff]+"
_GAP = re.compile(_GAP_CHARS)


def find_codes(prefix: str, text: str) -> list[tuple[int, str]]:
    """Every code with ``prefix`` (LX2, LE1, LA1) in a pasted text, with its line; the spaces and
    breaks a chat puts inside are removed. Words typed after a code on the same line may be read
    as part of it: the candidate is cut back at each gap until its check symbol holds (else the
    whole run is returned, so the decoder can say what is wrong). A gap followed by another
    code's prefix starts that code."""
    candidate = re.compile(re.escape(prefix) + r"[0-9A-Za-z]+(?:" + _GAP_CHARS + r"(?!L[XAE]\d)[0-9A-Za-z]+)*")
    found = []
    line, counted = 1, 0
    for match in candidate.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        parts = _GAP.split(match.group())
        chosen = "".join(parts)
        for end in range(len(parts), 0, -1):
            joined = "".join(parts[:end])
            symbols = symbols_of(joined[len(prefix):])
            if symbols is not None and len(symbols) >= 2 and check_holds(symbols):
                chosen = joined
                break
        found.append((line, chosen))
    return found
