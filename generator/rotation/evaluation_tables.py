"""The 培训质量测评 as tables: per session, per speaker, overall, and the comments.

`lunxun evaluation read` writes them as the 测评汇总 workbook; `lunxun report` and `lunxun archive`
add the same tables to the 情况报表 and the archive, so the report an inspection team reads holds
the scores that adjust the next cohort's courses and speakers, as the sources ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.programme import Programme
from .evaluation import ASPECTS, Rating, Responses, aggregate
from .report import Table

SCORES = ["1分", "2分", "3分", "4分", "5分"]
HEADER = ["打分人次", *(f"{a}均分" for a in ASPECTS), "均分", *SCORES, "提示"]


@dataclass
class Summary:
    """What the forms and codes of some cohorts add up to."""

    tables: list[Table]
    low: list[Rating]  # sessions, then speakers, whose mean is below the threshold
    forms: int
    planned: int  # trainees on the rosters of the cohorts counted
    overall: float | None
    threshold: float

    def titled(self, prefix: str) -> list[Table]:
        """The tables named for a workbook that holds others too (the 情况报表: 测评课次, …)."""
        return [Table(prefix + t.title, t.header, t.rows) for t in self.tables]

    @property
    def rate(self) -> str:
        return f"{100 * self.forms / self.planned:.1f}%" if self.planned else "—"

    def line(self) -> str:
        """One sentence for the archive's summary page."""
        mean = f"{self.overall:.2f}" if self.overall is not None else "—"
        flagged = (f"；低于 {self.threshold:g} 分：{'、'.join(r.label for r in self.low)}" if self.low
                   else f"；没有低于 {self.threshold:g} 分的课次和主讲人")
        return f"收回 {self.forms} 份（回收率 {self.rate}），总体评价均分 {mean}{flagged}"


def summarise(programme: Programme, collected: list[Responses], cohorts: int, planned: int,
              threshold: float) -> Summary:
    """The tables (课次, 主讲人, 总体, 意见建议) and the sessions and speakers below ``threshold``."""
    sessions, speakers = aggregate(programme, collected)
    forms = sum(r.forms for r in collected)

    def row(rating: Rating) -> list[Any]:
        mean = rating.mean()
        flag = f"低于 {threshold:g} 分" if mean is not None and mean < threshold else ""
        return [rating.label, len(rating.aspects[ASPECTS[0]]), *(_one(rating.mean(a)) for a in ASPECTS), _one(mean),
                *rating.spread(), flag]

    overall_scores = [s for r in collected for s in r.overall]
    overall = sum(overall_scores) / len(overall_scores) if overall_scores else None
    summary = Summary([], [], forms, planned, overall, threshold)
    summary.tables = [
        Table("课次", ["课次", *HEADER], [row(r) for r in sessions]),
        Table("主讲人", ["主讲人", *HEADER], [row(r) for r in speakers]),
        Table("总体", ["期次数", "名册人数", "收回测评", "回收率", "总体评价均分", *SCORES],
              [[cohorts, planned, forms, summary.rate, _one(overall), *map(overall_scores.count, range(1, 6))]]),
        Table("意见建议", ["期次", "意见建议"], [[r.cohort.name, c] for r in collected for c in r.comments]),
    ]
    summary.low = [r for r in sessions + speakers if (m := r.mean()) is not None and m < threshold]
    return summary


def _one(value: float | None) -> float | str:
    return "—" if value is None else round(value, 2)
