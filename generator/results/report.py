"""report.html: one self-contained Chinese page (inline CSS and SVG, no request to anywhere)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..collector import collector_paused
from . import charts
from .analysis import EASY, GROUP_SHARE, HARD, MIN_SAMPLE, BankStats
from .banks import BankInfo
from .collect import Collection
from .sheet import BEIJING, TYPE_NAMES

KEEP_NAMES = {"latest": "最后一次作答", "best": "最高分"}


@dataclass
class Summary:
    """The counts the report opens with."""

    title: str
    files: int
    found: int
    valid: int
    invalid: int
    repeated: int
    retakes: int
    trainees: int
    keep: str

    @property
    def keep_name(self) -> str:
        return KEEP_NAMES[self.keep]

    @property
    def other_name(self) -> str:
        return KEEP_NAMES["best" if self.keep == "latest" else "latest"]


def summary_of(collection: Collection, keep: str, title: str) -> Summary:
    trainees = {key[0] for key in collection.groups}
    return Summary(title, collection.files, collection.found, collection.valid, collection.invalid,
                   collection.repeated, collection.retakes, len(trainees), keep)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _fixed(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.results", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = _percent
    env.filters["fixed"] = _fixed
    env.filters["type_name"] = lambda kind: TYPE_NAMES.get(kind, kind)
    return env


def chart_set(bank: BankStats, info: BankInfo | None) -> dict[str, Any]:
    return {
        "histogram": charts.histogram(bank.overall.histogram, f"{bank.title} 分数分布",
                                      info.pass_mark if info else None),
        "batches": [charts.sparkline(batch.histogram, f"{batch.label} 分数分布") for batch in bank.batches],
        "scatter": charts.scatter(bank.items, f"{bank.title} 难度与区分度"),
    }


def render_report(
    summary: Summary,
    banks: list[BankStats],
    infos: dict[str, BankInfo],
    problems: list[str],
    notes: list[str],
    batch_name: str,
) -> str:
    return environment().get_template("report.html.j2").render(
        summary=summary,
        banks=banks,
        charts=[chart_set(bank, infos.get(bank.id)) for bank in banks],
        problems=problems,
        notes=notes,
        batch_name=batch_name,
        generated=datetime.now(tz=BEIJING).strftime("%Y-%m-%d %H:%M"),
        easy=EASY,
        hard=HARD,
        min_sample=MIN_SAMPLE,
        share=round(GROUP_SHARE * 100),
    )


def write_report(path: FsPath, *args: Any, **kwargs: Any) -> None:
    with collector_paused():  # see generator/collector.py
        page = render_report(*args, **kwargs)
    path.write_text(page, encoding="utf-8")
