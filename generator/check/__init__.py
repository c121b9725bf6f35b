"""Checks that need more than one field or more than one file; every problem has a place."""

from __future__ import annotations

from typing import Any

from ..loading.project import Entry, Project
from ..model import Method, Programme, QuizBank
from ..problems import Problem
from .method import check_method
from .programme import check_programme
from .quiz import check_question, check_quiz


def check_project(project: Project) -> list[Problem]:
    """All semantic problems of a loaded project, in no particular order."""
    problems: list[Problem] = []
    for method in project.methods.values():
        problems += check_method(method, project)
    for bank in project.quizzes.values():
        problems += check_quiz(bank, project)
    for loose in project.loose_questions:
        problems += check_question(loose, project, loose.model, ())
    for programme in project.programmes.values():
        problems += check_programme(programme, project)
    for partial in project.salvaged:  # files with schema errors: the rest of their mistakes
        problems += partial.keep(_check_any(partial, project))
    return problems


def _check_any(entry: Entry[Any], project: Project) -> list[Problem]:
    if isinstance(entry.model, Method):
        return check_method(entry, project)
    if isinstance(entry.model, QuizBank):
        return check_quiz(entry, project)
    if isinstance(entry.model, Programme):
        return check_programme(entry, project)
    return []
