"""The export, import and new commands: arguments in, Chinese messages out, exit code back.

Failures are CommandErrors (ContentError, UsageError), printed once by ``cli.main``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path as FsPath

from ..interop.bank import bank_id_from, looks_like_path, project_root
from ..loading.project import Layout

LayoutFor = Callable[[FsPath], Layout]


def export_command(bank: str, fmt: str, output: str | None, root: str | None, layout_for: LayoutFor,
                   force: bool = False) -> int:
    """lunxun export BANK --format F -o FILE (an existing FILE only with --force)."""
    from ..interop.export import FORMAT_NAMES, export_bank

    if root is None and looks_like_path(bank):
        base = project_root(FsPath(bank))
    else:
        base = FsPath(root or ".").resolve()
    layout = layout_for(base / "mkdocs.yml")
    bank_id = bank_id_from(bank, base, layout)
    target, notes = export_bank(base, layout, bank_id, fmt, FsPath(output) if output else None, force)
    for note in notes:
        print(note, file=sys.stderr)
    print(f"已导出 {FORMAT_NAMES[fmt]}：{target}")
    return 0


def import_command(source: str, output: str, root: str | None, title: str | None, force: bool,
                   layout_for: LayoutFor, strict: bool = False) -> int:
    """lunxun import FILE -o quizzes/ID.yaml."""
    from ..interop.import_ import import_file

    target = FsPath(output)
    if root:
        base = FsPath(root).resolve()
    else:
        folders = [target.resolve().parent, *target.resolve().parent.parents]
        base = next((f for f in folders if (f / "mkdocs.yml").is_file()), FsPath.cwd())
    done = import_file(FsPath(source), source, target, base, layout_for(base / "mkdocs.yml"), title, force, strict)
    for line in done.report:
        print(line)
    print(f"已导入 {done.count} 道题：{done.path}\n请核对后运行 lunxun check 检查。")
    return 0


def new_command(kind: str, item_id: str, root: str, layout_for: LayoutFor) -> int:
    """lunxun new method|quiz|programme ID."""
    from .new import new_file

    base = FsPath(root).resolve()
    written = new_file(base, layout_for(base / "mkdocs.yml"), kind, item_id)
    for path in written:
        print(f"已写入 {path.as_posix()}")
    print("请把模板中的示例内容改为真实内容，然后运行 lunxun check 检查。")
    return 0
