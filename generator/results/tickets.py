"""Rosters and tickets: a trainee's 准考证号 and short secret, and the key their codes are signed with.

Roster (YAML, kept out of git and the site, by default .lunxun-private/roster.yaml)::

    cohort: 2026 秋季班          # names the tickets; a new cohort gets new secrets
    trainees:
      - {name: 张三, unit: 红旗村}
      - {name: 李四, unit: 东风社区, number: "0107"}   # 准考证号 when the trainer has one

A trainee without ``number`` gets their place in the list (``001``, ``002``, …). The ticket
secret is ten Crockford base32 symbols (50 bits) from HMAC(project secret, cohort and
number): too many to guess offline from a code posted in a group chat, few enough to type.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path as FsPath

from pydantic import Field, ValidationError

from ..grading.secret import derive
from ..loading.load import load_file
from ..loading.messages import translate
from ..model.common import Entity, Text
from ..problems import Problem
from .bits import ALPHABET, symbols_of

SECRET_SYMBOLS = 10
_SEPARATORS = re.compile(r"[\s\-_·.]")


class Trainee(Entity):
    name: Text
    unit: str = ""
    number: str | None = Field(None, max_length=20, description="准考证号；省略时按名单顺序编号")


class Roster(Entity):
    cohort: Text
    trainees: list[Trainee] = Field(min_length=1)


@dataclass(frozen=True)
class Ticket:
    number: str
    secret: str  # ten symbols, shown as XXXXX-XXXXX
    name: str
    unit: str

    @property
    def shown(self) -> str:
        return f"{self.secret[:5]}-{self.secret[5:]}"

    def key(self) -> bytes:
        return ticket_key(self.number, self.secret)


def normalise_secret(text: str) -> str:
    """What a trainee typed, as the key uses it: width and case folded, separators dropped, I/L/O read as 1/1/0."""
    folded = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    symbols = symbols_of(folded)
    return "".join(ALPHABET[s] for s in symbols) if symbols is not None else folded


def ticket_key(number: str, secret: str) -> bytes:
    """The MAC key of a ticketed code; the browser engine derives the same from what was typed."""
    return f"lunxun-ticket:{number.strip()}:{normalise_secret(secret)}".encode()


def ticket_secret(secret: bytes, cohort: str, number: str) -> str:
    digest = hmac.digest(derive(secret, "ticket"), f"{cohort}\n{number}".encode(), "sha256")
    value = int.from_bytes(digest[:8], "big") >> (64 - 5 * SECRET_SYMBOLS)
    return "".join(ALPHABET[(value >> (5 * (SECRET_SYMBOLS - 1 - k))) & 31] for k in range(SECRET_SYMBOLS))


def load_roster(path: FsPath, label: str) -> tuple[Roster | None, list[Problem]]:
    doc, problems = load_file(path, label)
    if doc is None or problems:
        return None, problems
    try:
        roster = Roster.model_validate(doc.data)
    except ValidationError as error:
        return None, translate(error, doc)
    numbers = [t.number or f"{k + 1:03d}" for k, t in enumerate(roster.trainees)]
    for k, number in enumerate(numbers):
        if numbers.index(number) != k:
            problems.append(doc.problem(("trainees", k, "number"), f"准考证号“{number}”重复"))
    return (None if problems else roster), problems


def tickets(roster: Roster, secret: bytes) -> list[Ticket]:
    out = []
    for k, trainee in enumerate(roster.trainees):
        number = trainee.number or f"{k + 1:03d}"
        out.append(Ticket(number, ticket_secret(secret, roster.cohort, number), trainee.name, trainee.unit))
    return out
