"""Tickets from the roster: a trainee's 准考证号 and short secret, and the key their codes are signed with.

The roster is the rotation's (``rosters/<programme>/<cohort>.yaml``, imported with
``lunxun roster import``; kept out of git and the site). The 准考证号 is the trainee's 学员编号,
so a ticket, the attendance workbook and the grade sheet name a trainee the same way.

The older ticket list (``.lunxun-private/roster.yaml``) is still read, so tickets already
handed out keep verifying::

    cohort: 2026 秋季班          # names the tickets; a new cohort gets new secrets
    trainees:
      - {name: 张三, unit: 红旗村}
      - {name: 李四, unit: 东风社区, number: "0107"}   # 准考证号 when the trainer has one

There a trainee without ``number`` gets their place in the list (``001``, ``002``, …). The ticket
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
from ..loading.load import Document, load_file
from ..loading.messages import translate
from ..model.common import Entity, Text
from ..problems import Problem
from ..rotation.roster import roster_of
from .bits import ALPHABET, symbols_of

SECRET_SYMBOLS = 10
_SEPARATORS = re.compile(r"[\s\-_·.]")


MAX_NUMBER = 20  # characters of a 准考证号: the code carries it, and a trainee types it


class ListedTrainee(Entity):
    name: Text
    unit: str = ""
    number: str | None = Field(None, max_length=MAX_NUMBER, description="准考证号；省略时按名单顺序编号")


class TicketList(Entity):
    """The older ticket list (``.lunxun-private/roster.yaml``), still read."""

    cohort: Text
    trainees: list[ListedTrainee] = Field(min_length=1)


@dataclass(frozen=True)
class Entrant:
    number: str
    name: str
    unit: str


@dataclass(frozen=True)
class Roster:
    """Who gets a ticket: ``cohort`` keys the secrets (a new cohort gets new ones), ``title`` is printed."""

    cohort: str
    title: str
    entrants: list[Entrant]
    programme: str | None = None  # a rotation roster's programme and cohort ids
    cohort_id: str | None = None


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
    """The roster at ``path``: the rotation's, or the older ticket list; None with the problems."""
    if not path.is_file():
        return None, [Problem(label, 1, 1, "", "找不到名册文件：名册由 lunxun roster import 导入，"
                                               "在 rosters/<项目>/<期次>.yaml")]
    doc, problems = load_file(path, label)
    if doc is None or problems:
        return None, problems
    if isinstance(doc.data, dict) and not _rotation_shaped(doc.data):
        return _ticket_list(doc, label)
    return _rotation_roster(doc)


def _rotation_shaped(data: dict) -> bool:
    """The rotation roster names its programme and gives each trainee an id; the older list does neither."""
    listed = data.get("trainees")
    return "programme" in data or isinstance(listed, list) and any(isinstance(t, dict) and "id" in t for t in listed)


def _rotation_roster(doc: Document) -> tuple[Roster | None, list[Problem]]:
    loaded, problems = roster_of(doc)
    if loaded is None:
        return None, problems
    roster = loaded.roster
    seen: dict[str, int] = {}
    for k, trainee in enumerate(roster.trainees):
        number = trainee.id.strip()
        if len(number) > MAX_NUMBER:
            problems.append(doc.problem(("trainees", k, "id"),
                                        f"学员编号“{number if len(number) <= 30 else number[:30] + '…'}”"
                                        f"超过 {MAX_NUMBER} 个字符，不能用作准考证号"))
        elif number in seen:
            problems.append(doc.problem(("trainees", k, "id"), f"学员编号“{number}”重复，准考证号会相同"))
        seen.setdefault(number, k)
    if problems:
        return None, problems
    entrants = [Entrant(t.id.strip(), t.name, t.unit or "") for t in roster.trainees]
    title = f"{roster.programme} 第 {roster.cohort} 期"
    return Roster(f"{roster.programme}/{roster.cohort}", title, entrants, roster.programme, roster.cohort), []


def _ticket_list(doc: Document, label: str) -> tuple[Roster | None, list[Problem]]:
    try:
        listed = TicketList.model_validate(doc.data)
    except ValidationError as error:
        return None, translate(error, doc)
    problems = []
    numbers = [t.number or f"{k + 1:03d}" for k, t in enumerate(listed.trainees)]
    for k, number in enumerate(numbers):
        if numbers.index(number) != k:
            problems.append(doc.problem(("trainees", k, "number"), f"准考证号“{number}”重复"))
    if problems:
        return None, problems
    entrants = [Entrant(number, t.name, t.unit) for number, t in zip(numbers, listed.trainees)]
    return Roster(listed.cohort, listed.cohort, entrants), []


def tickets(roster: Roster, secret: bytes) -> list[Ticket]:
    """A ticket per entrant, in roster order; the same roster and project secret give the same tickets."""
    return [Ticket(e.number, ticket_secret(secret, roster.cohort, e.number), e.name, e.unit) for e in roster.entrants]
