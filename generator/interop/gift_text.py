"""GIFT text with its escapes resolved, remembering which characters were escaped and where."""

from __future__ import annotations

from dataclasses import dataclass

ESCAPABLE = {"\\": "\\", ":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n"}


class GiftError(Exception):
    """A mistake at ``offset`` in the file; ``label`` names the question once it is known."""

    def __init__(self, offset: int, message: str, label: str = ""):
        self.offset = offset
        self.message = message
        self.label = label


@dataclass(frozen=True)
class Chars:
    """Text with escapes resolved, remembering which characters were escaped and where each was."""

    chars: tuple[str, ...]
    escaped: tuple[bool, ...]
    offsets: tuple[int, ...]

    @classmethod
    def parse(cls, text: str, offsets: list[int]) -> Chars:
        chars, escaped, where = [], [], []
        index = 0
        while index < len(text):
            ch = text[index]
            if ch == "\\" and index + 1 < len(text) and text[index + 1] in ESCAPABLE:
                chars.append(ESCAPABLE[text[index + 1]])
                escaped.append(True)
                where.append(offsets[index])
                index += 2
                continue
            chars.append(ch)
            escaped.append(False)
            where.append(offsets[index])
            index += 1
        return cls(tuple(chars), tuple(escaped), tuple(where))

    def __len__(self) -> int:
        return len(self.chars)

    def __getitem__(self, key: slice) -> Chars:
        return Chars(self.chars[key], self.escaped[key], self.offsets[key])

    def text(self) -> str:
        return "".join(self.chars)

    def offset(self, fallback: int) -> int:
        return self.offsets[0] if self.offsets else fallback

    def find(self, needle: str, start: int = 0) -> int:
        """Index of ``needle`` made of unescaped characters only, or -1."""
        size = len(needle)
        for index in range(start, len(self.chars) - size + 1):
            if all(self.chars[index + k] == needle[k] and not self.escaped[index + k] for k in range(size)):
                return index
        return -1

    def rfind(self, needle: str) -> int:
        found, index = -1, self.find(needle)
        while index != -1:
            found, index = index, self.find(needle, index + 1)
        return found

    def split(self, marks: str) -> list[tuple[str, Chars]]:
        """Split at unescaped characters in ``marks``; each piece keeps the mark before it ('' first)."""
        pieces, mark, start = [], "", 0
        for index, ch in enumerate(self.chars):
            if ch in marks and not self.escaped[index]:
                pieces.append((mark, self[start:index]))
                mark, start = ch, index + 1
        pieces.append((mark, self[start:]))
        return pieces

    def strip(self) -> Chars:
        start, end = 0, len(self.chars)
        while start < end and self.chars[start].isspace() and not self.escaped[start]:
            start += 1
        while end > start and self.chars[end - 1].isspace() and not self.escaped[end - 1]:
            end -= 1
        return self[start:end]

    def rstrip(self) -> Chars:
        end = len(self.chars)
        while end > 0 and self.chars[end - 1].isspace() and not self.escaped[end - 1]:
            end -= 1
        return self[:end]
