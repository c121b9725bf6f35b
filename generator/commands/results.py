"""`lunxun results`: result codes pasted from chat apps → grade sheet and report."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TextIO

from ..grading.secret import SecretUnreadable, load_secret
from ..loading.project import Layout
from ..problems import UsageError
from ..results.analysis import analyse, batch_by_file, batch_by_unit
from ..results.banks import BankInfo, load_banks
from ..results.collect import Collection, decode_all, find_all
from ..results.regrade import Context
from ..results.report import summary_of, write_report
from ..results.sheet import grade_table, item_table, write_csv, write_xlsx
from ..results.tickets import load_roster, tickets
from .result_set import OUTPUTS, write_set


@dataclass
class Options:
    files: list[str]
    output: FsPath
    keep: str = "latest"
    batch: str = "unit"
    root: FsPath = FsPath(".")
    title: str = "测验成绩报告"
    roster: str | None = None
    sitting: str | None = None
    window: list[str] | None = None
    force: bool = False


class Progress:
    """A one-line progress bar on standard error, drawn only when a person is watching."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.active = total >= 2000 and self.stream.isatty()
        self.label, self.total, self.done = label, total, 0
        self.step = max(total // 100, 1)
        self.last = 0.0

    def tick(self) -> None:
        self.done += 1
        if self.done % self.step == 0 or self.done == self.total:
            now = time.monotonic()
            if now - self.last >= 0.1 or self.done == self.total:
                self.last = now
                filled = 30 * self.done // self.total
                self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                                  f"{self.done}/{self.total}")
                self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()

    def ticker(self) -> Callable[[], None] | None:
        return self.tick if self.active else None


def run(options: Options, layout: Layout) -> int:
    """Read, decode, analyse and write; every problem is a message, never a traceback."""
    context, problems = _context(options, layout)
    if context is None:
        raise UsageError("\n".join(problems))
    infos, bank_notes = context.banks, problems
    for note in bank_notes:
        print(note, file=sys.stderr)
    collection = Collection()
    found = find_all(options.files, collection)
    progress = Progress("评分", collection.found)
    decode_all(found, collection, context, progress.ticker())
    del found  # the code texts: a hundred megabytes at 100,000 codes
    progress.close()
    _flag_attempts(collection, infos)
    for line in collection.notes + collection.problems:
        print(line, file=sys.stderr)
    if not collection.groups:
        raise UsageError("没有找到有效的成绩码，未生成成绩表。")
    if context.tickets is None:
        bank_notes.append("未提供名单：学员身份是学员自己填写的，无法核实；同一身份多次作答时一律按最高分计，"
                          "别人冒名发来的成绩码不能拉低任何人的成绩")
    return write_outputs(collection, infos, bank_notes, options, layout)


def write_outputs(collection: Collection, infos: dict[str, BankInfo], bank_notes: list[str],
                  options: Options, layout: Layout | None = None) -> int:
    """Analyse the graded attempts and write the sheet, the CSV and the report."""
    by_file = options.batch == "file"
    batch_of = batch_by_file if by_file else batch_by_unit
    other = "best" if options.keep == "latest" else "latest"
    retakes: dict[str, int] = {}
    for (_, bank), group in collection.groups.items():
        retakes[bank] = retakes.get(bank, 0) + group.attempts - 1
    banks = analyse(collection.kept(options.keep), collection.kept(other), infos,  # type: ignore[arg-type]
                    batch_of, retakes)
    grades = grade_table(collection.groups.values(), options.keep, {bank.id: bank.title for bank in banks},
                         batch_of if by_file else None, {key: info.hours for key, info in infos.items()})
    summary = summary_of(collection, options.keep, options.title)
    def write(folder: FsPath) -> None:
        progress = Progress("写入成绩表", len(grades.rows))
        write_xlsx(folder / OUTPUTS[0], grades, item_table(banks), progress.ticker())
        progress.close()
        write_csv(folder / OUTPUTS[1], grades)
        write_report(folder / OUTPUTS[2], summary, banks, infos, collection.problems,
                     collection.notes + bank_notes, "批次" if by_file else "单位")

    root = options.root.resolve()
    layout = layout or Layout()
    sources = (root / layout.content_dir, root / layout.quizzes_dir, root / "docs")
    write_set(options.output, write, options.force, root, sources)
    print(_summary_line(collection, summary.trainees, len(banks), options.keep))
    print("已写入 " + "、".join(str(options.output / name) for name in OUTPUTS))
    return 0


def _context(options: Options, layout: Layout) -> tuple[Context | None, list[str]]:
    """Banks, tickets and window; None with the messages when the run cannot start."""
    root = options.root.resolve()
    infos, notes = load_banks(root, layout)
    if not infos:
        return None, notes + ["没有可用的题库：成绩码要用培训老师的题库重新评分（用 --root 指定项目目录）"]
    window = None
    if options.window:
        window = _window(options.window)
        if window is None:
            return None, ["--window 的时间应写成 年-月-日 时:分，如 \"2026-12-01 09:00\"（北京时间），且开考早于结束"]
    issued = None
    if options.roster:
        roster, problems = load_roster(FsPath(options.roster), options.roster)
        if roster is None:
            return None, [str(problem) for problem in problems]
        try:
            secret = load_secret(root, create=False)
        except SecretUnreadable as error:
            return None, [str(error)]
        if secret is None:
            return None, [(f"{root / '.lunxun-private' / 'secret'} 不存在：准考证由项目密钥生成，"
                          "请在发准考证的项目目录中运行")]
        issued = {ticket.number: ticket for ticket in tickets(roster, secret)}
    return Context(infos, issued, window, options.sitting), notes


def _window(texts: list[str]) -> tuple[int, int] | None:
    from datetime import datetime, timedelta, timezone

    try:
        start, end = (datetime.strptime(" ".join(t.split()), "%Y-%m-%d %H:%M")
                      .replace(tzinfo=timezone(timedelta(hours=8))).timestamp() for t in texts)
    except ValueError:
        return None
    return (int(start), int(end)) if start < end else None


def _flag_attempts(collection: Collection, infos: dict[str, BankInfo]) -> None:
    for group in collection.groups.values():
        info = infos.get(group.latest.bank)
        if info is not None and info.attempts and group.attempts > info.attempts:
            for attempt in {id(group.latest): group.latest, id(group.best): group.best}.values():
                attempt.flags.append(f"作答 {group.attempts} 次，超过允许的 {info.attempts} 次")


def _summary_line(collection: Collection, trainees: int, banks: int, keep: str) -> str:
    parts = [f"读取 {collection.files} 个文件，找到 {collection.found} 个成绩码：有效 {collection.valid} 个"]
    if collection.invalid:
        parts.append(f"无效 {collection.invalid} 个（已跳过）")
    if collection.repeated:
        parts.append(f"重复粘贴 {collection.repeated} 个（只计一次）")
    rule = "最后一次作答" if keep == "latest" else "最高分"
    retakes = f"，重考 {collection.retakes} 次，按{rule}计分" if collection.retakes else ""
    return "，".join(parts) + f"。\n共 {trainees} 名学员、{banks} 个题库{retakes}。"
