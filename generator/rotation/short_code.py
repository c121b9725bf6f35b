"""What the roll-call code (LA1) and the evaluation code (LE1) share with the exam's LX2 code.

The same text (a prefix, Crockford base32 symbols, the GF(32) check symbol that catches one
wrong symbol or a swap of neighbours: results/bits.py) and the same kind of MAC, but placed
last: HMAC-SHA512(key, prefix + the bytes of every bit before it, padding included)[:8].
Tags name a cohort or a schedule in 32 bits: SHA-256 of a text, its first four bytes, so a
code from another cohort or from a schedule since changed is told apart from a damaged one.
The browser side is generator/assets/rotation/10-short-code.js.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass

from ..results.bits import (
    ALPHABET,
    BadBits,
    BitReader,
    BitWriter,
    check_holds,
    check_symbol,
    symbols_of,
)

MAC_BITS = 64


class InvalidShortCode(ValueError):
    """Not a valid code of this kind; the message says why, in Chinese."""


def tag(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def cohort_tag(programme: str, cohort: str) -> int:
    return tag(f"{programme}/{cohort}")


def schedule_tag(lines: Iterable[str]) -> int:
    """A schedule's identity: one line per session, in order."""
    return tag("\n".join(lines))


def _mac(prefix: str, key: bytes, body: BitWriter) -> bytes:
    return hmac.new(key, prefix.encode() + body.to_bytes(), hashlib.sha512).digest()[:8]


def seal(prefix: str, body: BitWriter, key: bytes) -> str:
    """The code's text: the body padded to whole symbols, the MAC, the check symbol."""
    padded = BitWriter()
    padded.append(body)
    padded.uint(0, -(body.size + MAC_BITS) % 5)
    whole = BitWriter()
    whole.append(padded)
    whole.uint(int.from_bytes(_mac(prefix, key, padded), "big"), MAC_BITS)
    symbols = whole.to_symbols()
    return prefix + "".join(ALPHABET[s] for s in symbols) + ALPHABET[check_symbol(symbols)]


@dataclass(frozen=True)
class Place:
    """A code found in a pasted text: its file and line, and its text."""

    file: str
    line: int
    text: str


@dataclass(frozen=True)
class Opened:
    """A code whose symbols and check hold: a reader over its body, and its MAC."""

    prefix: str
    text: str  # upper case, as normalised
    reader: BitReader
    mac_at: int

    def verifies(self, key: bytes) -> bool:
        mac = self.reader.slice_bits(self.mac_at, self.mac_at + MAC_BITS).to_bytes()
        return hmac.compare_digest(_mac(self.prefix, key, self.reader.slice_bits(0, self.mac_at)), mac)

    def finish(self, noun: str) -> None:
        """The body must end here but for fewer than 5 zero bits of padding."""
        left = self.mac_at - self.reader.at
        if left < 0 or left >= 5 or self.reader.uint(left) != 0:
            raise InvalidShortCode(f"{noun}内容与格式不符：请重新复制完整的{noun}")


def open_code(prefix: str, text: str, noun: str, max_symbols: int) -> Opened:
    """Check a code's prefix, symbols and check symbol.

    Raises:
        InvalidShortCode: with the reason in Chinese.
    """
    if not text.upper().startswith(prefix):
        raise InvalidShortCode(f"不是{noun}：{noun}以“{prefix}”开头")
    rest = text[len(prefix):].upper()
    symbols = symbols_of(rest)
    if symbols is None:
        raise InvalidShortCode(f"{noun}含有不该有的字符：请重新复制完整的{noun}")
    if len(symbols) > max_symbols:
        raise InvalidShortCode(f"{noun}太长，不是本页面生成的")
    if len(symbols) * 5 < MAC_BITS + 8 or not check_holds(symbols):
        raise InvalidShortCode(f"校验位不符：{noun}抄错、少了字符或被改动过，请重新复制")
    reader = BitReader(symbols[:-1])
    return Opened(prefix, prefix + rest, reader, reader.size - MAC_BITS)


def damaged(noun: str, error: BadBits) -> InvalidShortCode:
    """The shared reader's BadBits as this code's message (its own text names the exam's code)."""
    del error
    return InvalidShortCode(f"{noun}内容不完整或有误：请重新复制完整的{noun}")


