"""lunxun export: check one bank, convert it, write the file (nothing is written on error)."""

from __future__ import annotations

from pathlib import Path as FsPath

from ...fs import write_atomically
from ...loading.project import Layout
from ...model.quiz import BLANK, Blank
from ...problems import UsageError
from ..bank import load_bank, method_titles
from ..common import items

FORMATS = {"gift": ".gift.txt", "moodle-xml": ".moodle.xml", "qti": ".qti.zip", "scorm": ".scorm.zip"}
FORMAT_NAMES = {"gift": "GIFT", "moodle-xml": "Moodle XML", "qti": "QTI 2.1 题目包", "scorm": "SCORM 1.2 课件包"}


def export_bank(root: FsPath, layout: Layout, bank_id: str, fmt: str, output: FsPath | None,
                force: bool = False) -> tuple[FsPath, list[str]]:
    """Write the bank in ``fmt``; returns the file written and notes for the trainer."""
    project, entry = load_bank(root, layout, bank_id)
    bank = entry.model
    notes: list[str] = []
    if fmt == "gift":
        from ..export.gift import export_gift

        data = export_gift(bank, bank_id, method_titles(project)).encode("utf-8")
        notes = _gift_notes(bank)
    elif fmt == "moodle-xml":
        from ..export.moodle_xml import export_moodle_xml

        data = export_moodle_xml(bank, bank_id, method_titles(project))
        notes = _moodle_notes(bank)
    elif fmt == "qti":
        from ..export.qti import export_qti

        data = export_qti(bank, bank_id)
    elif fmt == "scorm":
        from ..export.scorm import export_scorm

        data = export_scorm(bank, bank_id)
    else:  # argparse's choices keep this from happening
        raise UsageError(f"未知的导出格式“{fmt}”")
    target = output or FsPath(f"{bank_id}{FORMATS[fmt]}")
    if target.is_dir():
        raise UsageError(f"{target} 是一个目录，请在 -o 后写文件名")
    if target.exists() and not force:
        raise UsageError(f"{target} 已存在：为免覆盖原有的文件（可能是题库或配置），未导出；"
                         "确认要替换请加 --force，或用 -o 换一个文件名")
    write_atomically(target, data)
    return target, notes


def _multi_blank(bank) -> list[tuple[str, int]]:
    """(id, number of gaps) of each question with more than one blank."""
    return [
        (item.question.id, len(BLANK.findall(item.question.stem)))
        for item in items(bank)
        if isinstance(item.question, Blank) and len(item.question.answer) > 1
    ]


def _gift_notes(bank) -> list[str]:
    return [
        f"提示：题目 {qid} 有 {count} 个空，GIFT 没有多空填空题，已拆成 {count} 道单空题"
        f"（{qid}-1 … {qid}-{count}，每道只填一个空，其余空仍显示为横线）；"
        "要一题多空、全对才得分，请改用 --format moodle-xml"
        for qid, count in _multi_blank(bank)
    ]


def _moodle_notes(bank) -> list[str]:
    return [
        f"提示：题目 {qid} 有 {count} 个空，Moodle 的完形填空题按空给分（每空 1 分，共 {count} 分），"
        "网站上则全部填对才得分"
        for qid, count in _multi_blank(bank)
    ]
