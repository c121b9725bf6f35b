"""The site folder a build writes: a private staging folder beside it, swapped in when finished.

Engine-neutral: the MkDocs and the Zensical adapters both build into ``staging_dir`` and call
``swap_in``, so a failed build leaves the old site as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path as FsPath


def staging_dir(target: FsPath, purpose: str) -> FsPath:
    """A private folder beside ``target`` (same disk: the swap is a rename), readable like any
    folder once swapped in: mkdtemp's 0700 would hide the site from the web server."""
    staging = FsPath(tempfile.mkdtemp(prefix=f".{target.name}.{purpose}-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def swap_in(staging: FsPath, target: FsPath) -> None:
    """Replace ``target`` by the finished ``staging`` folder with renames (every engine uses it)."""
    backup = target.with_name(f".{target.name}.old")
    shutil.rmtree(backup, ignore_errors=True)
    if target.exists():
        target.rename(backup)
    staging.rename(target)
    shutil.rmtree(backup, ignore_errors=True)
