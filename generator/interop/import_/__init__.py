"""lunxun import: a spreadsheet or GIFT file → a checked, commented quizzes/<id>.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from ...fs import write_atomically
from ...loading.load import MAX_BYTES, MAX_NODES, load_text
from ...loading.project import Layout, load_project
from ...model import QuizBank
from ...model.common import SLUG
from ...problems import ContentError, Problem, UsageError
from .draft import Draft, finish
from .yamlout import bank_yaml, question_data

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".csv")
GIFTS = (".gift", ".txt")
PAPERS = (".docx",)
MAX_GIFT_BYTES = 20 * 1024 * 1024


@dataclass
class Imported:
    """What an import wrote, and what it has to tell: what was read, and what was left out."""

    path: FsPath
    count: int
    report: list[str] = field(default_factory=list)


def import_file(source: FsPath, shown: str, output: FsPath, root: FsPath, layout: Layout,
                title: str | None = None, force: bool = False, strict: bool = False) -> Imported:
    """Import ``source`` (named ``shown`` in messages) into ``output``.

    Questions of kinds lunxun cannot hold are left out and listed, unless ``strict``.
    """
    bank_id = _target_id(output, force)
    if not source.is_file():
        raise UsageError(f"找不到文件 {shown}")
    project, _ = load_project(root, layout)  # other files' problems do not matter here
    suffix = source.suffix.lower()
    if suffix in SPREADSHEETS:
        from .sheets import read_sheets
        from .spreadsheet import parse_sheets

        sheets, problems = read_sheets(source, shown)
        draft = Draft(shown, problems=problems) if problems else parse_sheets(sheets, shown, project)
        draft.settings.setdefault("title", title or source.stem)
    elif suffix in GIFTS:
        draft = _gift_draft(source, shown, title)
    elif suffix in PAPERS:
        from .paper import parse_paper, read_docx

        lines, problems = read_docx(source, shown)
        draft = Draft(shown, problems=problems) if problems else parse_paper(lines, shown)
        draft.settings.setdefault("title", title or source.stem)
    elif suffix == ".doc":
        raise UsageError(f"{shown} 是旧的 Word 格式（.doc）：请在 Word 或 WPS 中另存为 .docx 后再导入")
    else:
        raise UsageError(f"无法识别 {shown} 的类型：支持 .xlsx、.xls、.csv（题库表格）、.docx（Word 试卷）和 .gift、"
                         ".txt（GIFT）")
    if title:
        draft.settings["title"] = title
    bank, problems = finish(draft, project, bank_id, strict)
    if bank is None:
        raise ContentError(problems)
    text = bank_yaml(bank, bank_id, f"由 lunxun import 从 {source.name} 导入，"
                                    f"共 {len(bank.questions)} 道题。", draft.notes)
    _verify(text, bank, output, shown)
    write_atomically(output, text.encode("utf-8"))
    return Imported(output, len(bank.questions), _report(shown, draft))


def _report(shown: str, draft: Draft) -> list[str]:
    indent = "    " if any(line.startswith(("表格", "工作表")) for line in draft.report) else "  "
    lines = [f"读取 {shown}：", *(f"  {line}" if line.startswith(("表格", "工作表")) else f"{indent}{line}"
                                for line in draft.report)] if draft.report else []
    if draft.skipped:
        lines.append(f"未导入 {len(draft.skipped)} 道题（lunxun 不支持的题型；加 --strict 则视为错误、不生成文件）：")
        lines.extend(f"  {problem}" for problem in draft.skipped)
    return lines


def _target_id(output: FsPath, force: bool) -> str:
    if output.suffix != ".yaml":
        raise UsageError(f"输出文件 {output} 应以 .yaml 结尾，如 quizzes/liuchixiang-jichu.yaml")
    if not SLUG.fullmatch(output.stem):
        raise UsageError(f"文件名“{output.stem}”不是合法的题库 id：只能用小写英文字母、数字和连字符")
    if output.exists() and not force:
        raise UsageError(f"{output} 已存在，未覆盖（确需覆盖请加 --force）")
    return output.stem


def _gift_draft(source: FsPath, shown: str, title: str | None) -> Draft:
    from .gift_read import parse_gift

    size = source.stat().st_size
    if size > MAX_GIFT_BYTES:
        return Draft(shown, problems=[Problem(shown, 1, 1, "", f"文件有 {size // 1024 // 1024} MB，超过导入的上限 "
                                                            f"{MAX_GIFT_BYTES // 1024 // 1024} MB："
                                                            "请分成几个文件分别导入")])
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Draft(shown, problems=[Problem(shown, line, 1, "", "文件不是有效的 UTF-8 编码，请以 UTF-8 保存")])
    return parse_gift(text, shown, title or source.stem)


def _verify(text: str, bank: QuizBank, output: FsPath, shown: str) -> None:
    """The YAML must fit what lunxun reads in one file, and read back as the very bank it was written from."""
    size, nodes = len(text.encode("utf-8")), 1 + sum(_nodes(question_data(q)) for q in bank.questions)
    if size > MAX_BYTES or nodes > MAX_NODES:
        share = min(MAX_BYTES / size, MAX_NODES / nodes)
        part = max(1, int(len(bank.questions) * share * 0.9))
        raise ContentError([Problem(shown, 1, 1, "", (
            f"导入的 {len(bank.questions)} 道题写成 YAML 有 {size / 1024 / 1024:.1f} MB、约 {nodes} 个节点，"
            f"超过 lunxun 读取一个题库文件的上限（{MAX_BYTES // 1024 // 1024} MB、{MAX_NODES} 个节点）："
            f"请把它分成几份（每份不超过约 {part} 道题），分别导入为几个题库"))])
    doc, problems = load_text(text, str(output))
    again = QuizBank.model_validate(doc.data) if doc is not None and not problems else None
    if again != bank:
        raise RuntimeError(f"internal error: the YAML written for {output} does not read back as the same bank")


def _nodes(value: Any) -> int:
    """YAML nodes as the loader counts them: each mapping, key, sequence and scalar."""
    if isinstance(value, dict):
        return 1 + sum(1 + _nodes(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(_nodes(item) for item in value)
    return 1
