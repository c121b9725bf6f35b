"""Find a project's YAML files, parse them and build the models; collect every problem."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..model import Method, Programme, QuizBank, Source
from ..model.common import SLUG, Entity
from ..model.quiz import Question
from ..problems import Path, Problem, format_path
from .files import outside
from .ledger import build_time, read_ledger
from .load import Document, load_file
from .messages import known_fields, translate
from .salvage import salvage

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its files, relative to its root."""

    content_dir: str = "content"
    quizzes_dir: str = "quizzes"

    def sources_file(self) -> str:
        return f"{self.content_dir}/sources.yaml"

    def methods_dir(self) -> str:
        return f"{self.content_dir}/methods"

    def programmes_dir(self) -> str:
        return f"{self.content_dir}/curricula"  # the folder keeps the name FORMAT.md gives trainers


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A validated model with the document and path it came from, to point at its fields."""

    id: str
    model: T
    doc: Document
    path: Path = ()
    # fields that failed the schema and were stood in for (see salvage): nothing the
    # checks say about them is true of the file
    stand_ins: frozenset[Path] = frozenset()

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        return self.doc.problem(self.path + path, message, key=key)

    def intact(self, path: Path) -> bool:
        """Whether everything at and below ``path`` is what the file says."""
        return not any(stand_in[: len(path)] == path for stand_in in self.stand_ins)

    def keep(self, problems: list[Problem]) -> list[Problem]:
        """The problems that are not about a stand-in."""
        if not self.stand_ins:
            return problems
        places = [format_path(stand_in) for stand_in in self.stand_ins]
        return [p for p in problems if not any(p.path == place or p.path.startswith((place + ".", place + "["))
                                                 for place in places)]


@dataclass
class Project:
    root: FsPath
    layout: Layout
    sources: dict[str, Entry[Source]] = field(default_factory=dict)
    methods: dict[str, Entry[Method]] = field(default_factory=dict)
    quizzes: dict[str, Entry[QuizBank]] = field(default_factory=dict)
    programmes: dict[str, Entry[Programme]] = field(default_factory=dict)
    # questions that are fine on their own in a bank that is not, so their
    # semantic mistakes are reported in the same run as the bank's
    loose_questions: list[Entry[Any]] = field(default_factory=list)
    # files that failed the schema, as far as they could be read (see salvage): checked,
    # never built, and not what references resolve to
    salvaged: list[Entry[Any]] = field(default_factory=list)
    # ids of files (and sources.yaml entries) that exist but did not load; None: sources.yaml
    # could not be read at all. References to them are not reported as missing: the file's
    # own problems say what is wrong, once.
    # what the last build remembered of each calendar event (render.revisions), and when this
    # build happens: SOURCE_DATE_EPOCH when set, so a reproducible build names its time
    calendar_ledger: dict[str, Any] = field(default_factory=dict)
    built_at: datetime.datetime = field(default_factory=build_time)
    unloaded: dict[str, set[str] | None] = field(
        default_factory=lambda: {"source": set(), "method": set(), "quiz": set(), "programme": set()}
    )

    def known(self, kind: str) -> Known:
        """The ids a reference to a ``kind`` (source, method, quiz, programme) may name."""
        stores: dict[str, dict[str, Any]] = {"source": self.sources, "method": self.methods, "quiz": self.quizzes,
                                             "programme": self.programmes}
        return Known(stores[kind], self.unloaded[kind])

    def files(self) -> list[FsPath]:
        """Every YAML file the project is built from (what `serve` watches)."""
        found = [self.root / self.layout.sources_file()]
        for folder in (self.layout.methods_dir(), self.layout.programmes_dir(), self.layout.quizzes_dir):
            found.extend(sorted((self.root / folder).glob("*.yaml")))
        return [path for path in found if path.exists()]


@dataclass(frozen=True)
class Known:
    loaded: dict[str, Any]
    unloaded: set[str] | None  # None: any id may exist

    def __contains__(self, ref: object) -> bool:
        return self.unloaded is None or ref in self.loaded or ref in self.unloaded


_FIELDS = {model: known_fields(model) for model in (Source, Method, QuizBank, Programme)}


def load_project(root: FsPath, layout: Layout | None = None) -> tuple[Project, list[Problem]]:
    """Parse and validate every file; models are built only for files without problems."""
    layout = layout or Layout()
    project = Project(root=root, layout=layout, calendar_ledger=read_ledger(root))
    problems: list[Problem] = []
    problems += _load_sources(project)
    stores: tuple[tuple[str, type[Entity], dict[str, Any], str], ...] = (
        (layout.methods_dir(), Method, project.methods, "method"),
        (layout.quizzes_dir, QuizBank, project.quizzes, "quiz"),
        (layout.programmes_dir(), Programme, project.programmes, "programme"),
    )
    for folder, model, store, kind in stores:
        for path in sorted((root / folder).glob("*.yaml")):
            file = f"{folder}/{path.name}"
            refused = _outside_project(path, file, root)
            entry, found = (None, refused) if refused else _load_entity(path, file, model, project)
            problems += found
            if entry is not None:
                store[entry.id] = entry
            else:
                project.unloaded[kind].add(path.stem)  # type: ignore[union-attr]
    return project, problems


def _outside_project(path: FsPath, file: str, root: FsPath) -> list[Problem]:
    """A symlink out of the project would publish whatever it points at (a private file)."""
    target = outside(path, root)
    if target is None:
        return []
    return [Problem(file, 1, 1, "", f"是指向项目之外（{target}）的符号链接，拒绝读取；请把文件复制到项目里")]


def _load_entity(
    path: FsPath, file: str, model: type[T], project: Project
) -> tuple[Entry[T] | None, list[Problem]]:
    doc, problems = load_file(path, file)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, problems + [doc.problem((), "文件内容应为字段映射（字段: 值），而不是列表或单个值")]
    try:
        instance = model.model_validate(doc.data)
    except ValidationError as error:
        problems += translate(error, doc, fields=_FIELDS[model])  # type: ignore[index]
        rescued = salvage(model, doc.data, error)
        if rescued is not None:
            partial, found = _named(rescued[0], path.stem, doc)
            project.salvaged.append(Entry(path.stem, partial, doc, (), rescued[1]))
            problems += found
        elif model is QuizBank:
            project.loose_questions += _valid_questions(doc)
        return None, problems
    instance, found = _named(instance, path.stem, doc)
    return Entry(path.stem, instance, doc), problems + found


def _named(instance: T, stem: str, doc: Document) -> tuple[T, list[Problem]]:
    """The model with its id, which is the file's name: a mismatch or a bad name is a problem."""
    declared = getattr(instance, "id", None)
    if declared is not None and declared != stem:
        return instance, [doc.problem(("id",), f"id“{declared}”与文件名“{stem}”不一致")]
    problems = []
    if declared is None:
        if not SLUG.fullmatch(stem):
            problems.append(doc.problem((), f"文件名“{stem}”不是合法的标识：只能用小写英文字母、数字和连字符"))
        instance = instance.model_copy(update={"id": stem})
    return instance, problems


_QUESTION = TypeAdapter(Question)


def _valid_questions(doc: Document) -> list[Entry[Any]]:
    questions = doc.data.get("questions")
    if not isinstance(questions, list):
        return []
    found = []
    for index, item in enumerate(questions):
        try:
            found.append(Entry(str(index), _QUESTION.validate_python(item), doc, ("questions", index)))
        except ValidationError:
            continue
    return found


def _load_sources(project: Project) -> list[Problem]:
    file = project.layout.sources_file()
    path = project.root / file
    if not path.exists():
        return []
    refused = _outside_project(path, file, project.root)
    doc, problems = (None, refused) if refused else load_file(path, file)
    if doc is None:
        project.unloaded["source"] = None
        return problems
    data: Any = doc.data if doc.data is not None else []
    if not isinstance(data, list):
        project.unloaded["source"] = None
        return problems + [doc.problem((), "sources.yaml 应为文献列表（每项以“- ”开头）")]
    for index, item in enumerate(data):
        try:
            source = TypeAdapter(Source).validate_python(item)
        except ValidationError as error:
            problems += translate(error, doc, (index,), fields=_FIELDS[Source])
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                project.unloaded["source"].add(item["id"])  # type: ignore[union-attr]
            continue
        if source.id in project.sources:
            problems.append(doc.problem((index, "id"), f"重复的文献 id“{source.id}”"))
            continue
        project.sources[source.id] = Entry(source.id, source, doc, (index,))
    return problems
