"""Reference look-ups shared by the checks."""

from __future__ import annotations

from collections.abc import Container, Iterable

from ..loading.project import Entry, Project
from ..problems import Path, Problem


def method_ref_error(project: Project, ref: str) -> str | None:
    """Why ``liuchixiang#ting`` (or ``liuchixiang``) does not resolve, or None when it does."""
    method_id, _, step_id = ref.partition("#")
    entry = project.methods.get(method_id)
    if entry is None:
        # a method file with mistakes of its own: those are reported, its steps are unknown
        return None if method_id in project.known("method") else f"引用了不存在的方法“{method_id}”"
    if step_id and entry.model.step(step_id) is None:
        steps = "、".join(s.id for s in entry.model.steps)
        return f"方法“{method_id}”没有步骤“{step_id}”（已有：{steps}）"
    return None


def missing_ids(
    entry: Entry, path: Path, ids: Iterable[str], known: Container[str], what: str
) -> list[Problem]:
    """A problem for each id in ``ids`` that is not in ``known``."""
    return [
        entry.problem(path + (index,), f"引用了不存在的{what}“{ref}”")
        for index, ref in enumerate(ids)
        if ref not in known
    ]


def duplicates(entry: Entry, items: list, path: Path, what: str) -> list[Problem]:
    """A problem at every repeat of an item's ``id`` within ``items``."""
    seen: set[str] = set()
    problems = []
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(entry.problem(path + (index, "id"), f"重复的{what} id“{item.id}”"))
        seen.add(item.id)
    return problems
