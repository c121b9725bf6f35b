"""The site folder a build writes, and the rules that keep a build from destroying anything else.

Engine-neutral: the MkDocs and the Zensical adapters both

1. ``guard`` the output folder: never the project itself, a folder that holds it, the home
   folder or ``/``, nor anything inside the project's sources (docs, content, quizzes, .git);
   an existing non-empty folder is replaced only when lunxun made it (it holds ``MARKER``),
   when it looks like a MkDocs site from before the marker existed, or with ``--force``;
2. build into a ``staging`` folder beside the target (same disk), under a lock, after
   removing what earlier killed builds left behind (only lunxun's own staging folders);
3. ``swap_in`` the finished folder: on Linux one atomic exchange (renameat2 with
   RENAME_EXCHANGE), so the target is a complete site at every instant; elsewhere two
   renames. A target that is a symlink (a web root) keeps its link: the folder it points
   to is what gets replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path as FsPath

from .problems import BuildError

MARKER = ".lunxun-site"
MARKER_TEXT = "这个文件夹由 lunxun 生成。每次生成网站时，lunxun 会用新生成的网站整体替换它。\n"
PURPOSES = ("building", "zensical")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def resolve_target(site_dir: FsPath) -> FsPath:
    """The folder a build will replace: a symlinked site/ resolves to the folder it points to."""
    return FsPath(os.path.realpath(site_dir))


def guard(target: FsPath, root: FsPath, sources: list[FsPath], force: bool = False) -> None:
    """Refuse an output folder whose replacement would delete something lunxun did not make."""
    target, root = resolve_target(target), resolve_target(root)
    home = resolve_target(FsPath.home())
    where = f"输出文件夹 {target}"
    if target == FsPath(target.anchor):
        raise BuildError(f"{where} 是根目录，拒绝生成：请用 -d 指定一个新的或 lunxun 生成过的文件夹")
    if target == home or home.is_relative_to(target):
        raise BuildError(f"{where} 是（或包含）用户主目录，拒绝生成：请用 -d 指定其中的一个子文件夹")
    if root.is_relative_to(target):
        raise BuildError(f"{where} 是（或包含）项目文件夹 {root}，生成会删掉整个项目，拒绝生成："
                         "请用 -d 指定项目里的 site 之类的子文件夹")
    for source in [root / ".git", *sources]:
        source = resolve_target(source)
        if target.is_relative_to(source) or source.is_relative_to(target):
            raise BuildError(f"{where} 与 {source} 重叠（那里是培训者编写的文件），拒绝生成："
                             "请用 -d 指定别的文件夹")
    if target.exists() and not target.is_dir():
        raise BuildError(f"{where} 是一个文件，不是文件夹，拒绝覆盖")
    if target.is_dir() and not force and not _replaceable(target):
        raise BuildError(f"{where} 已存在、不是空的，也不是 lunxun 生成的网站，为免删掉其中的文件，拒绝生成："
                         "请换一个文件夹，或确认可以整体替换后加 --force")


def _replaceable(folder: FsPath) -> bool:
    """Made by lunxun (the marker), empty, or a MkDocs site built before the marker existed."""
    if (folder / MARKER).is_file():
        return True
    try:
        if not any(folder.iterdir()):
            return True
    except OSError:
        return False
    return (folder / "index.html").is_file() and (folder / "assets").is_dir() and (
        (folder / "sitemap.xml").is_file() or (folder / "404.html").is_file())


@contextlib.contextmanager
def building(target: FsPath, purpose: str) -> Iterator[FsPath]:
    """A staging folder beside ``target`` for one build, under a lock on the target, after
    clearing the staging folders of builds that were killed; removed whatever happens."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # the lock is on the folder that holds the target: no lock file is left anywhere
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BuildError(f"另一个 lunxun 正在 {target.parent} 中生成网站，请等它结束后再试") from None
        _clear_leftovers(target)
        staging = staging_dir(target, purpose)
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        os.close(folder)  # closing releases the lock


def _clear_leftovers(target: FsPath) -> None:
    """Only folders named as lunxun names its staging folders for this target (checked under
    the lock, so none of them belongs to a build still running)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:(?:{'|'.join(PURPOSES)})-[A-Za-z0-9_]{{8}}|old)")
    for leftover in target.parent.iterdir():
        if pattern.fullmatch(leftover.name) and leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def staging_dir(target: FsPath, purpose: str) -> FsPath:
    """A private folder beside ``target`` (same disk: the swap is a rename), readable like any
    folder once swapped in: mkdtemp's 0700 would hide the site from the web server."""
    staging = FsPath(tempfile.mkdtemp(prefix=f".{target.name}.{purpose}-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def swap_in(staging: FsPath, target: FsPath) -> None:
    """Replace ``target`` by the finished ``staging`` folder; the old site ends in ``staging``'s
    place and is removed by the caller's cleanup (or the next build)."""
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        return
    backup = target.with_name(f".{target.name}.old")
    shutil.rmtree(backup, ignore_errors=True)
    target.rename(backup)
    staging.rename(target)
    shutil.rmtree(backup, ignore_errors=True)


def _exchange(first: FsPath, second: FsPath) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel or a file system without exchange: two renames instead
    raise OSError(error, os.strerror(error), str(second))


def _renameat2():  # type: ignore[no-untyped-def]
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    libc = ctypes.CDLL(name, use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
    return function
