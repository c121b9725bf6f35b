"""Checks on a working method: unique steps, existing sources and related methods."""

from __future__ import annotations

from ..loading.project import Entry, Project
from ..model import Method
from ..problems import Problem
from .refs import duplicates, missing_ids


def check_method(entry: Entry[Method], project: Project) -> list[Problem]:
    method = entry.model
    problems = duplicates(entry, method.steps, ("steps",), "步骤")
    sources = project.known("source")
    problems += missing_ids(entry, ("sources",), method.sources, sources, "文献")
    problems += missing_ids(entry, ("related",), method.related, project.known("method"), "方法")
    if entry.id in method.related:
        index = method.related.index(entry.id)
        problems.append(entry.problem(("related", index), "方法不能与自身相关"))
    for index, case in enumerate(method.cases):
        if case.source is not None and case.source not in sources:
            problems.append(entry.problem(("cases", index, "source"), f"引用了不存在的文献“{case.source}”"))
        for number, figure in enumerate(case.figures):
            if figure.source is not None and figure.source not in sources:
                path = ("cases", index, "figures", number, "source")
                problems.append(entry.problem(path, f"引用了不存在的文献“{figure.source}”"))
    for index, figure in enumerate(method.figures):
        if figure.source is not None and figure.source not in sources:
            problems.append(entry.problem(("figures", index, "source"), f"引用了不存在的文献“{figure.source}”"))
    return problems
