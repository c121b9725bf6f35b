"""Reading trainer files safely: regular files only, and never more than a bound.

A FIFO named ``x.yaml`` would block ``open`` for ever, and ``/dev/zero`` (or a link to it)
never ends; both are refused before a byte is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path as FsPath


class Unreadable(Exception):
    """Why a file was not read, in Chinese, without the file's name."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_regular(path: FsPath, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit`` of them."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise Unreadable("找不到这个文件") from None
    except IsADirectoryError:
        raise Unreadable("这是一个文件夹，请给出其中的文件") from None
    except OSError as error:
        raise Unreadable(f"无法读取（{error.strerror or error}）") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable("这是一个文件夹，请给出其中的文件")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("不是普通文件（可能是管道、设备或套接字），拒绝读取")
        if info.st_size > limit:
            raise Unreadable(f"文件超过 {_size(limit)}，拒绝读取")
        return read_bounded(lambda size: os.read(handle, size), limit)
    except OSError as error:
        raise Unreadable(f"无法读取（{error.strerror or error}）") from None
    finally:
        os.close(handle)


def read_bounded(read: Callable[[int], bytes], limit: int) -> bytes:
    """Read to the end with ``read(size)``, refusing once past ``limit`` bytes (a file may
    grow after fstat, and a pipe such as standard input has no size to check first)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise Unreadable(f"文件超过 {_size(limit)}，拒绝读取")


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} 字节"


def outside(path: FsPath, root: FsPath) -> FsPath | None:
    """Where ``path`` really leads when a symlink takes it out of ``root``, else None."""
    try:
        real = path.resolve()
        base = root.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path
    return None if real == base or base in real.parents else real
