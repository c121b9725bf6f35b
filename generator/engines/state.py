"""Files a build keeps in the project for the next build (the calendar ledger), saved only
after the site was built, only when they changed, and never through a link."""

from __future__ import annotations

import logging
from pathlib import Path as FsPath

from ..fs import WriteError, write_atomically

log = logging.getLogger("mkdocs.plugins.lunxun")


def save_state(root: FsPath, state: dict[str, bytes]) -> None:
    for relative, data in state.items():
        target = root / relative
        try:
            if target.is_symlink() or (target.exists() and not target.is_file()):
                log.warning("%s 不是普通文件，未更新（日历更新序号无法保存）", relative)
                continue
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _replace(target, data)
        except OSError as error:
            # a read-only project still builds; calendar apps then miss this build's changes
            log.warning("%s 未能保存（%s）：日历文件中改动的课次可能不会在学员日历中更新",
                        relative, error.strerror or error)


def _replace(target: FsPath, data: bytes) -> None:
    try:
        write_atomically(target, data)
    except WriteError as error:
        raise OSError(str(error)) from None
