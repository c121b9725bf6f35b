"""lunxun import: a spreadsheet or GIFT file → a checked, commented quizzes/<id>.yaml."""

from __future__ import annotations

from pathlib import Path as FsPath

from ...loading.load import load_text
from ...loading.project import Layout, load_project
from ...model import QuizBank
from ...model.common import SLUG
from ...problems import ContentError, Problem, UsageError
from ..export import write_atomically
from .draft import Draft, finish
from .yamlout import bank_yaml

SPREADSHEETS = (".xlsx", ".xlsm", ".csv")
GIFTS = (".gift", ".txt")


def import_file(source: FsPath, shown: str, output: FsPath, root: FsPath, layout: Layout,
                title: str | None = None, force: bool = False) -> tuple[FsPath, int]:
    """Import ``source`` (named ``shown`` in messages) into ``output``; returns it and the question count."""
    bank_id = _target_id(output, force)
    if not source.is_file():
        raise UsageError(f"找不到文件 {shown}")
    project, _ = load_project(root, layout)  # other files' problems do not matter here
    suffix = source.suffix.lower()
    if suffix in SPREADSHEETS:
        from .spreadsheet import parse_rows, read_rows

        rows, problems = read_rows(source, shown)
        draft = Draft(shown, problems=problems) if problems else parse_rows(rows, shown, project)
        draft.settings.setdefault("title", title or source.stem)
    elif suffix in GIFTS:
        draft = _gift_draft(source, shown, title)
    else:
        raise UsageError(f"无法识别 {shown} 的类型：支持 .xlsx、.csv（题库表格）和 .gift、.txt（GIFT）")
    if title:
        draft.settings["title"] = title
    bank, problems = finish(draft, project, bank_id)
    if bank is None:
        raise ContentError(problems)
    text = bank_yaml(bank, bank_id, f"由 lunxun import 从 {source.name} 导入，共 {len(bank.questions)} 道题。", draft.notes)
    _verify(text, bank, output)
    write_atomically(output, text.encode("utf-8"))
    return output, len(bank.questions)


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

    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Draft(shown, problems=[Problem(shown, line, 1, "", "文件不是有效的 UTF-8 编码，请以 UTF-8 保存")])
    return parse_gift(text, shown, title or source.stem)


def _verify(text: str, bank: QuizBank, output: FsPath) -> None:
    """The YAML must read back as the very bank it was written from."""
    doc, problems = load_text(text, str(output))
    again = QuizBank.model_validate(doc.data) if doc is not None and not problems else None
    if again != bank:
        raise RuntimeError(f"internal error: the YAML written for {output} does not read back as the same bank")
