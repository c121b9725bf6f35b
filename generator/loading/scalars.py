"""How an unquoted YAML scalar is typed in trainer files: YAML 1.2 core schema rules.

``8:30``, ``yes`` or ``010`` stay the text the trainer wrote; numbers keep their spelling
(``Int``/``Float`` remember it), so a text field gets ``010``, not ``8``.
"""

from __future__ import annotations

import re
from typing import Any, Self

TAG = "tag:yaml.org,2002:"


class Number:
    """Mixin: a number as YAML typed it, that reads back as the text written (``010``)."""

    text: str

    def __str__(self) -> str:
        return self.text


class Int(Number, int):
    def __new__(cls, value: int, text: str) -> Self:
        number = int.__new__(cls, value)
        number.text = text
        return number

    __repr__ = int.__repr__


class Float(Number, float):
    def __new__(cls, value: float, text: str) -> Self:
        number = float.__new__(cls, value)
        number.text = text
        return number

    __repr__ = float.__repr__


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_TYPED_START = frozenset("0123456789+-.~nNtTfF")  # first characters of anything not text


def typed_plain(text: str) -> Any:
    """A plain (unquoted, untagged) scalar by the core schema."""
    if text and text[0] not in _TYPED_START:
        return text  # most values: Chinese text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    return typed_number(text, text)


def typed_number(text: str, fallback: Any) -> Any:
    try:
        if _INT.fullmatch(text):
            base = 16 if text[:2] == "0x" else 8 if text[:2] == "0o" else 10
            return Int(int(text[2:] if base != 10 else text, base), text)
        if _FLOAT.fullmatch(text):
            return Float(float(text), text)
        if _INF.fullmatch(text):
            return Float(float("-inf") if text[0] == "-" else float("inf"), text)
        if _NAN.fullmatch(text):
            return Float(float("nan"), text)
    except ValueError:  # more digits than Python converts: it stays text
        pass
    return fallback
