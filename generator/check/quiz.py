"""Checks on a question bank: answers that fit their questions, references, draw and blueprint."""

from __future__ import annotations

from ..loading.project import Entry, Project
from ..model import QuizBank
from ..model.quiz import BLANK, LETTERS, Blank, Case, Multiple, QuestionBase, Quota, Single
from ..problems import Path, Problem
from .refs import method_ref_error, missing_ids


def check_quiz(entry: Entry[QuizBank], project: Project) -> list[Problem]:
    bank = entry.model
    problems = missing_ids(entry, ("methods",), bank.methods, project.known("method"), "方法")
    problems += _unique_question_ids(entry)
    for index, question in enumerate(bank.questions):
        problems += check_question(entry, project, question, ("questions", index))
    if entry.intact(("questions",)):  # a stood-in question could match a quota it does not
        problems += _check_draw(entry, project)
    return problems


def check_question(entry: Entry, project: Project, question: QuestionBase, path: Path) -> list[Problem]:
    """Mistakes within one question (and the sub-questions of a case)."""
    problems = _check_one(entry, project, question, path)
    if isinstance(question, Case):
        for number, sub in enumerate(question.questions):
            problems += _check_one(entry, project, sub, path + ("questions", number))
    return problems


def _unique_question_ids(entry: Entry[QuizBank]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, question in enumerate(entry.model.questions):
        places: list[tuple[Path, QuestionBase]] = [(("questions", index), question)]
        if isinstance(question, Case):
            places += [(("questions", index, "questions", n), s) for n, s in enumerate(question.questions)]
        for path, item in places:
            if item.id in seen:
                problems.append(entry.problem(path + ("id",), f"重复的题目 id“{item.id}”（题库内须唯一，含案例小题）"))
            seen.add(item.id)
    return problems


def _check_one(entry: Entry, project: Project, question: QuestionBase, path: Path) -> list[Problem]:
    problems = []
    if question.ref is not None:
        error = method_ref_error(project, question.ref)
        if error:
            problems.append(entry.problem(path + ("ref",), error))
    if isinstance(question, (Single, Multiple)):
        letters = question.answer if isinstance(question, Multiple) else [question.answer]
        allowed = LETTERS[: len(question.options)]
        beyond = [letter for letter in letters if letter not in allowed]
        if beyond:
            problems.append(entry.problem(
                path + ("answer",),
                f"答案“{''.join(beyond)}”超出了选项范围（共 {len(question.options)} 个选项：A–{allowed[-1]}）",
            ))
    if isinstance(question, Blank):
        blanks = len(BLANK.findall(question.stem))
        if blanks == 0:
            problems.append(entry.problem(path + ("stem",), "填空题的题干中没有空（用四个或更多下划线 ____ 表示）"))
        elif blanks != len(question.answer):
            problems.append(entry.problem(
                path + ("answer",), f"题干有 {blanks} 个空，答案却给了 {len(question.answer)} 组"
            ))
    return problems


def quota_pool(bank: QuizBank, quota: Quota) -> list[int]:
    """Indexes of the bank's questions that a blueprint quota may draw from."""
    return [index for index, question in enumerate(bank.questions) if quota_matches(quota, question)]


def quota_matches(quota: Quota, question: QuestionBase) -> bool:
    if quota.ref is not None:
        ref = question.ref or ""
        if not (ref == quota.ref or ("#" not in quota.ref and ref.startswith(quota.ref + "#"))):
            return False
    if quota.difficulty is not None and question.difficulty != quota.difficulty:
        return False
    if quota.type is not None and getattr(question, "type", None) != quota.type:
        return False
    return quota.tag is None or quota.tag in question.tags


def _check_draw(entry: Entry[QuizBank], project: Project) -> list[Problem]:
    bank = entry.model
    total = len(bank.questions)
    problems = []
    if bank.draw is not None and bank.draw > total:
        problems.append(entry.problem(("draw",), f"抽题数 {bank.draw} 超过了题库的题目数 {total}"))
    for index, quota in enumerate(bank.blueprint):
        path = ("blueprint", index)
        if quota.ref is not None and (error := method_ref_error(project, quota.ref)):
            problems.append(entry.problem(path + ("ref",), error))
            continue
        pool = len(quota_pool(bank, quota))
        if quota.count > pool:
            problems.append(entry.problem(
                path + ("count",), f"配额要抽 {quota.count} 题，但符合条件的题目只有 {pool} 道"
            ))
    wanted = sum(quota.count for quota in bank.blueprint)
    limit = bank.draw if bank.draw is not None else total
    if bank.blueprint and wanted > limit:
        what = f"抽题数 draw（{bank.draw}）" if bank.draw is not None else f"题目数（{total}）"
        problems.append(entry.problem(("blueprint",), f"各配额合计 {wanted} 题，超过了{what}"))
    return problems
