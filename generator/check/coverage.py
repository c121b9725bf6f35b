"""lunxun check --coverage: how many questions test each method step, and which steps none do.

A question counts for the step its ``ref`` names (``method#step``); a case's sub-question
without its own ref counts for the case's. Refs to a whole method are counted separately.
"""

from __future__ import annotations

from collections import Counter

from ..loading.project import Project
from ..model.quiz import Case

WARN = "⚠"


def ref_counts(project: Project) -> Counter[str]:
    """Scored questions per ref across all banks."""
    counts: Counter[str] = Counter()
    for entry in project.quizzes.values():
        for question in entry.model.questions:
            if isinstance(question, Case):
                for sub in question.questions:
                    ref = sub.ref or question.ref
                    if ref:
                        counts[ref] += 1
            elif question.ref:
                counts[question.ref] += 1
    return counts


def coverage_report(project: Project) -> str:
    """A plain-text table: each method, its steps and their question counts."""
    counts = ref_counts(project)
    lines = ["", "题目覆盖（按方法步骤统计引用该步骤的题目数）："]
    steps_total = steps_empty = 0
    for method_id in sorted(project.methods):
        method = project.methods[method_id].model
        lines.append(f"{method.title}（{method_id}）：引用整个方法的题目 {counts[method_id]} 道")
        for step in method.steps:
            ref = f"{method_id}#{step.id}"
            count = counts[ref]
            steps_total += 1
            steps_empty += count == 0
            mark = f"{WARN} " if count == 0 else "  "
            lines.append(f"  {mark}{step.name}（{ref}）：{count} 道")
    if steps_total == 0:
        lines.append("项目中还没有方法。")
    elif steps_empty:
        lines.append(f"共 {steps_total} 个步骤，其中 {steps_empty} 个没有题目（{WARN}）。")
    else:
        lines.append(f"共 {steps_total} 个步骤，每个步骤都有题目。")
    return "\n".join(lines)
