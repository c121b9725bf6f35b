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
from typing import Any

from .problems import BuildError

MARKER = ".lunxun-site"
MARKER_TEXT = "这个文件夹由 lunxun 生成。lunxun 每次生成时会用新生成的内容整体替换它，请不要在其中存放自己的文件。\n"
RESULTS_MARKER = ".lunxun-results"
PURPOSES = ("building", "zensical", "results")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def resolve_target(site_dir: FsPath) -> FsPath:
    """The folder a build will replace: a symlinked site/ resolves to the folder it points to."""
    return FsPath(os.path.realpath(site_dir))


def guard(target: FsPath, root: FsPath, sources: list[FsPath], force: bool = False) -> None:
    """Refuse an output folder whose replacement would delete something lunxun did not make."""
    guard_location(target, root, sources)
    target = resolve_target(target)
    where = f"输出文件夹 {target}"
    if target.exists() and not target.is_dir():
        raise BuildError(f"{where} 是一个文件，不是文件夹，拒绝覆盖")
    if target.is_dir() and not force and not _replaceable(target):
        raise BuildError(f"{where} 已存在、不是空的，也不是 lunxun 生成的网站，为免删掉其中的文件，拒绝生成："
                         "请换一个文件夹，或确认可以整体替换后加 --force")


def guard_location(target: FsPath, root: FsPath, sources: list[FsPath]) -> None:
    """Refuse, even with --force, a folder that is or holds the project, home or /, or lies in
    or holds the trainers' sources (docs, content, quizzes) or .git."""
    target, root = resolve_target(target), resolve_target(root)
    home = resolve_target(FsPath.home())
    where = f"输出文件夹 {target}"
    if target == FsPath(target.anchor):
        raise BuildError(f"{where} 是根目录，拒绝生成：请用 -d（lunxun results 用 -o）"
                         "指定一个新的或 lunxun 生成过的文件夹")
    if target == home or home.is_relative_to(target):
        raise BuildError(f"{where} 是（或包含）用户主目录，拒绝生成：请用 -d（lunxun results 用 -o）"
                         "指定其中的一个子文件夹")
    if root.is_relative_to(target):
        raise BuildError(f"{where} 是（或包含）项目文件夹 {root}，生成会删掉整个项目，拒绝生成："
                         "请用 -d（lunxun results 用 -o）指定项目里的 site 之类的子文件夹")
    for source in [root / ".git", *sources]:
        source = resolve_target(source)
        if target.is_relative_to(source) or source.is_relative_to(target):
            raise BuildError(f"{where} 与 {source} 重叠（那里是培训者编写的文件），拒绝生成："
                             "请用 -d（lunxun results 用 -o）指定别的文件夹")


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
def building(target: FsPath, purpose: str, marker: str = MARKER) -> Iterator[FsPath]:
    """A staging folder beside ``target`` for one build, under a lock on the target, after
    clearing the staging folders of builds that were killed; removed whatever happens.

    The staging folder holds ``marker`` from its first instant (MkDocs' clean keeps hidden
    files), so a leftover is recognised by its name and its marker, never by its name alone."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock(target)
    except OSError as error:
        raise _unwritable(target, error) from None
    try:
        _clear_leftovers(target, marker)
        try:
            staging = staging_dir(target, purpose, marker)
        except OSError as error:
            raise _unwritable(target, error) from None
        try:
            yield staging
        finally:
            remove_ours(staging, marker)
    finally:
        os.close(lock)  # closing releases the lock


def _unwritable(target: FsPath, error: OSError) -> BuildError:
    if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BuildError(f"{target.parent}: 无法写入（{error.strerror or error}），未生成，原有内容保持不变")
    return BuildError(f"{target.parent}: 没有写入权限：lunxun 先在这里生成新的 {target.name}，完成后再整体替换旧的，"
                      f"需要能写这个文件夹（{target.name} 若是链接，就是它指向的文件夹的上一级）；"
                      "请给当前用户写权限，或用 -d / -o 指定别的位置后再复制过去")


def _lock(target: FsPath) -> int:
    """An exclusive lock on the folder that holds the target: no lock file is left anywhere."""
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(folder)
        raise BuildError(f"另一个 lunxun 正在 {target.parent} 中写入，请等它结束后再试") from None
    return folder


def _clear_leftovers(target: FsPath, marker: str) -> None:
    """Only folders named as lunxun names its staging folders for this target and holding the
    marker (or empty: killed between mkdtemp and the marker), checked under the lock, so none
    of them belongs to a run still going."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:(?:{'|'.join(PURPOSES)})-[A-Za-z0-9_]{{8}}|old)")
    for leftover in target.parent.iterdir():
        if not pattern.fullmatch(leftover.name) or leftover.is_symlink() or not leftover.is_dir():
            continue
        with contextlib.suppress(OSError):
            if (leftover / marker).is_file() or not any(leftover.iterdir()):
                remove_ours(leftover, marker)


def remove_ours(folder: FsPath, marker: str) -> None:
    """Delete a folder of lunxun's with its marker last: a kill half-way leaves a folder the
    next run still recognises and finishes removing."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for entry in folder.iterdir():
        if entry.name == marker:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
    with contextlib.suppress(OSError):
        (folder / marker).unlink(missing_ok=True)
        folder.rmdir()


def staging_dir(target: FsPath, purpose: str, marker: str = MARKER) -> FsPath:
    """A private folder beside ``target`` (same disk: the swap is a rename), readable like any
    folder once swapped in: mkdtemp's 0700 would hide the site from the web server."""
    staging = FsPath(tempfile.mkdtemp(prefix=f".{target.name}.{purpose}-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    (staging / marker).write_text(MARKER_TEXT, encoding="utf-8")
    return staging


def swap_in(staging: FsPath, target: FsPath, marker: str = MARKER) -> None:
    """Replace ``target`` by the finished ``staging`` folder; the old site ends in ``staging``'s
    place and is removed by the caller's cleanup (or the next build)."""
    if not (staging / marker).is_file():  # Zensical's own site folder
        (staging / marker).write_text(MARKER_TEXT, encoding="utf-8")
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        return
    backup = target.with_name(f".{target.name}.old")
    remove_ours(backup, marker)
    target.rename(backup)
    staging.rename(target)
    remove_ours(backup, marker)


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


def _renameat2() -> Any:  # the C function, or None where libc has none
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    libc = ctypes.CDLL(name, use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
    return function
