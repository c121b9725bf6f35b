"""The one way lunxun writes a file: all of it or none of it, readable as the umask says.

A temporary file in the target's folder (same disk, so the final step is a rename), written,
flushed to disk and renamed over the target. Its mode is 0666 less the umask, as for any
file the user makes (mkstemp's 0600 made SCORM packages unreadable to web servers); private
files ask for ``mode=0o600``. A target that is a symlink or not a regular file is refused:
lunxun never writes through a link to somewhere else.

Files inside a fresh staging folder (a site, a results set) are plain writes: the folder is
swapped in whole (generator.output), which is what makes those atomic.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import BinaryIO

from .problems import CommandError


class WriteError(CommandError):
    """A file that could not be written (the old one, if any, is untouched)."""


def check_writable(target: FsPath) -> None:
    """Refuse a symlink, a folder or a device in the target's place, and a missing folder."""
    folder = target.parent if str(target.parent) else FsPath(".")
    if not folder.is_dir():
        raise WriteError(f"输出目录 {folder} 不存在")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise WriteError(message(target, error)) from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteError(f"{target} 是一个符号链接，lunxun 不会透过链接写到别处：请删除该链接或换一个输出位置")
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(f"{target} 是一个文件夹，请写文件名")
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{target} 不是普通文件，未写入")


@contextlib.contextmanager
def open_atomic(target: FsPath, mode: int = 0o666) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace ``target`` only when the block ends without error."""
    check_writable(target)
    folder = target.parent if str(target.parent) else FsPath(".")
    # a short name of its own: the target's name may already be as long as names can be
    temporary = folder / f".lunxun-{secrets.token_hex(6)}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, mode)
    except OSError as error:
        raise WriteError(message(target, error)) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        _sync_folder(folder)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteError(message(target, error)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(target: FsPath, data: bytes, mode: int = 0o666) -> None:
    """Replace ``target`` by ``data`` (see open_atomic)."""
    with open_atomic(target, mode) as stream:
        stream.write(data)


def _sync_folder(folder: FsPath) -> None:
    """Make the rename itself durable; some file systems cannot, which costs nothing here."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def message(target: FsPath | str, error: OSError) -> str:
    """A Chinese sentence for a failed write."""
    if error.errno == errno.ENOSPC:
        return f"{target}: 磁盘空间不足，未写入（原有文件保持不变）"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{target}: 没有写入权限（文件夹只读，或文件正被 Excel 等程序打开），未写入"
    if error.errno == errno.ENAMETOOLONG:
        return f"{target}: 文件名太长，未写入：请用短一些的名称"
    return f"{target}: 无法写入（{error.strerror or error}）"
