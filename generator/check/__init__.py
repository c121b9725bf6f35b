"""Checks that need more than one field or more than one file; every problem has a place."""

from __future__ import annotations

from ..loading.project import Project
from ..model import Curriculum, Method, QuizBank
from ..problems import Problem
from .curriculum import check_curriculum
from .method import check_method
from .quiz import check_question, check_quiz


def check_project(project: Project) -> list[Problem]:
    """All semantic problems of a loaded project, in no particular order."""
    problems: list[Problem] = []
    for entry in project.methods.values():
        problems += check_method(entry, project)
    for entry in project.quizzes.values():
        problems += check_quiz(entry, project)
    for loose in project.loose_questions:
        problems += check_question(loose, project, loose.model, ())
    for entry in project.curricula.values():
        problems += check_curriculum(entry, project)
    for partial in project.salvaged:  # files with schema errors: the rest of their mistakes
        check = {Method: check_method, QuizBank: check_quiz, Curriculum: check_curriculum}[type(partial.model)]
        problems += partial.keep(check(partial, project))
    return problems
