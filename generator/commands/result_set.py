"""The results folder as one set: grades.xlsx, grades.csv and report.html, old or new, never mixed.

The new set is written into a staging folder beside the output folder and swapped in whole
(generator.output), so a full disk or a kill half-way leaves the old set as it was. The
folder holds RESULTS_MARKER; a folder without it is replaced only when it holds nothing but
files of these names (a results folder from before the marker existed) or with --force.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path as FsPath

from ..fs import message
from ..output import RESULTS_MARKER, building, guard_location, resolve_target, swap_in
from ..problems import UsageError

OUTPUTS = ("grades.xlsx", "grades.csv", "report.html")


def write_set(output: FsPath, write: Callable[[FsPath], None], force: bool = False,
              root: FsPath = FsPath("."), sources: tuple[FsPath, ...] = ()) -> None:
    """Run ``write`` on a fresh folder and put that folder in ``output``'s place; never over
    the project ``root``, its ``sources``, home or / (not even with ``force``)."""
    target = resolve_target(output)
    guard_location(target, root, list(sources))
    refuse(output, target, force)
    try:
        with building(target, "results", RESULTS_MARKER) as staging:
            write(staging)
            for name in OUTPUTS:  # on disk before the swap makes them the set
                _sync(staging / name)
            swap_in(staging, target, RESULTS_MARKER)
    except OSError as error:
        raise UsageError(message(output, error) + "；原有的成绩表和报告保持不变") from None


def refuse(output: FsPath, target: FsPath, force: bool) -> None:
    """Nothing lunxun did not write is replaced without --force; no link is written through."""
    if not target.exists():
        return
    if not target.is_dir():
        raise UsageError(f"无法写入 {output}：已有同名的文件，请用 -o 换一个输出目录。")
    for name in OUTPUTS:
        path = output / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise UsageError(f"{path} 是符号链接或不是普通文件，lunxun 不会透过它写到别处："
                             "请删除它，或用 -o 换一个输出目录")
    if force or (target / RESULTS_MARKER).is_file():
        return
    try:
        names = {entry.name for entry in target.iterdir()}
    except OSError as error:
        raise UsageError(message(output, error)) from None
    if not names <= set(OUTPUTS):
        raise UsageError(f"{output} 已存在，"
                         f"其中有不是 lunxun 写的文件（{'、'.join(sorted(names - set(OUTPUTS))[:3])}），"
                         "为免删掉它们，未写入：请用 -o 换一个输出目录，或确认可以整体替换后加 --force")


def _sync(path: FsPath) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
