"""Rosters: where they live, how they are read back, and the checks across one programme.

A roster is ``rosters/<programme>/<cohort>.yaml`` (model.roster.Roster). The folder keeps
a ``.gitignore`` of its own holding ``*``, so no roster reaches git even in a project whose
own .gitignore forgets it. The exam tickets (results/tickets.py) read the same files through
``read_roster``: the 学员编号 is the 准考证号.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path as FsPath

from pydantic import ValidationError

from ..loading.load import Document, load_file
from ..loading.messages import known_fields, translate
from ..model.programme import Cohort, Programme
from ..model.roster import Roster, Trainee
from ..problems import Problem

FOLDER = "rosters"
IGNORE_FILE = ".gitignore"  # written into the roster folder by the first command that creates it
IGNORE_TEXT = "# lunxun：本目录存放学员名册、考勤表和报表，含个人信息，不提交到 git\n*\n"


def roster_file(programme: str, cohort: str) -> str:
    """The roster's path relative to the project root."""
    return f"{FOLDER}/{programme}/{cohort}.yaml"


@dataclass
class LoadedRoster:
    """A roster and the parsed file, to point at any trainee's line."""

    roster: Roster
    doc: Document


def load_roster(root: FsPath, programme: str, cohort: str) -> tuple[LoadedRoster | None, list[Problem]]:
    """The cohort's roster, or None with the problems (a missing file is one problem)."""
    file = roster_file(programme, cohort)
    path = root / file
    if not path.is_file():
        return None, [Problem(file, 1, 1, "", "没有找到名册："
                                              f"请先用 lunxun roster import 导入第 {cohort} 期的学员名单")]
    loaded, problems = read_roster(path, file)
    if loaded is None:
        return None, problems
    roster, doc = loaded.roster, loaded.doc
    if roster.programme != programme:
        problems.append(doc.problem(("programme",), f"名册写的培训项目是“{roster.programme}”，"
                                                    f"但它在 {programme} 的目录中"))
    if roster.cohort != cohort:
        problems.append(doc.problem(("cohort",), f"名册写的期次是“{roster.cohort}”，但文件名是 {cohort}.yaml"))
    return (None if problems else loaded), problems


def read_roster(path: FsPath, file: str) -> tuple[LoadedRoster | None, list[Problem]]:
    """A roster file wherever it is (``file`` names it in messages), checked against the model only."""
    doc, problems = load_file(path, file)
    if doc is None:
        return None, problems
    loaded, trouble = roster_of(doc)
    return loaded, problems + trouble


def roster_of(doc: Document) -> tuple[LoadedRoster | None, list[Problem]]:
    """A parsed roster file checked against the model."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "名册应为字段映射（programme、cohort、trainees），而不是列表或单个值")]
    try:
        roster = Roster.model_validate(doc.data)
    except ValidationError as error:
        return None, translate(error, doc, fields=known_fields(Roster) | known_fields(Trainee))
    return LoadedRoster(roster, doc), []


def roster_cohorts(root: FsPath, programme: str) -> list[str]:
    """The cohorts of a programme that have a roster file, by name."""
    folder = root / FOLDER / programme
    return sorted(path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else []


def fold(text: str | None) -> str:
    """Compare names as people mean them: full-width and spaces do not make another person."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def identity(trainee: Trainee) -> tuple[str, str]:
    """Two rows are one person when name and unit agree (ids are assigned per cohort)."""
    return fold(trainee.name), fold(trainee.unit)


# Where trainee ``i``'s ``field`` stands: (file, line, column, column label), and how a
# message names that trainee's row ("第 12 行" in a spreadsheet, "trainees[11]" in YAML).
Locate = Callable[[int, str], tuple[str, int, int, str]]
Mention = Callable[[int], str]


def roster_problems(trainees: list[Trainee], locate: Locate, mention: Mention, programme: Programme,
                    cohort: Cohort, others: Iterable[tuple[str, Roster]]) -> list[Problem]:
    """Duplicates within the cohort, a person in two cohorts, categories not served, over capacity.

    ``others`` are the programme's other cohorts' rosters.
    """
    problems: list[Problem] = []

    def at(index: int, field: str, message: str) -> None:
        file, line, col, label = locate(index, field)
        problems.append(Problem(file, line, col, label, message))

    seen_ids: dict[str, int] = {}
    seen_people: dict[tuple[str, str], int] = {}
    for index, trainee in enumerate(trainees):
        if trainee.id in seen_ids:
            at(index, "id", f"学员编号“{trainee.id}”重复：{mention(seen_ids[trainee.id])}已用了这个编号")
        else:
            seen_ids[trainee.id] = index
        person = identity(trainee)
        if person in seen_people:
            at(index, "name", f"“{trainee.name}”（{trainee.unit or '未填单位'}）重复："
                              f"{mention(seen_people[person])}已有同一人")
        else:
            seen_people[person] = index
    where: dict[tuple[str, str], str] = {}
    for other_cohort, other in others:
        for trainee in other.trainees:
            where.setdefault(identity(trainee), other_cohort)
    for index, trainee in enumerate(trainees):
        taken = where.get(identity(trainee))
        if taken is not None:
            at(index, "name", f"“{trainee.name}”（{trainee.unit or '未填单位'}）已在第 {taken} 期的名册中："
                              "同一培训项目每人只参加一期")
    audience = programme.for_cohort(cohort).audience  # a tracked cohort serves its track's categories
    served = {fold(name) for name in audience}
    if served:
        listed = "、".join(audience)
        track = programme.track(cohort.track)
        whom = f"第 {cohort.id} 期（{track.name}）" if track is not None else "本培训项目"
        for index, trainee in enumerate(trainees):
            if trainee.category and fold(trainee.category) not in served:
                at(index, "category", f"类别“{trainee.category}”不在{whom}的培训对象中（{listed}）")
    if cohort.capacity is not None and len(trainees) > cohort.capacity:
        at(len(trainees) - 1, "name", f"名册有 {len(trainees)} 人，超过第 {cohort.id} 期的名额 {cohort.capacity} 人")
    return problems


def yaml_places(loaded: LoadedRoster) -> tuple[Locate, Mention]:
    """Locate and Mention for a roster file."""
    def locate(index: int, field: str) -> tuple[str, int, int, str]:
        path = ("trainees", index, field)
        line, col = loaded.doc.locate(path)
        return loaded.doc.file, line, col, f"trainees[{index}].{field}"

    def mention(index: int) -> str:
        return f"第 {loaded.doc.locate(('trainees', index))[0]} 行的学员"

    return locate, mention


def other_rosters(root: FsPath, programme: str, cohort: str) -> tuple[list[tuple[str, Roster]], list[Problem]]:
    """The programme's rosters other than ``cohort``'s, and the problems of those that fail."""
    found, problems = [], []
    for other in roster_cohorts(root, programme):
        if other == cohort:
            continue
        loaded, trouble = load_roster(root, programme, other)
        problems += trouble
        if loaded is not None:
            found.append((other, loaded.roster))
    return found, problems
