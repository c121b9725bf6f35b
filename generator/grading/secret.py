"""The project secret: created once, kept in .lunxun-private/secret, never in git or the site.

Unlock codes and tickets are derived from it, so two builds with the same secret make the
same bytes, and a trainer who loses it can no longer issue matching tickets for a cohort.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path as FsPath

FOLDER = ".lunxun-private"  # not .lunxun: the calendar ledger kept there is committed
FILE = "secret"
_IGNORE = "# lunxun: the project secret and the rosters stay on this computer\n*\n"


class SecretUnreadable(Exception):
    """The secret file exists but is not a secret lunxun wrote; message in Chinese."""


def secret_path(root: FsPath) -> FsPath:
    return root / FOLDER / FILE


def load_secret(root: FsPath, *, create: bool) -> bytes | None:
    """The secret (32 bytes), made on first use when ``create``; None when absent and not made."""
    path = secret_path(root)
    if path.is_file():
        text = path.read_text(encoding="ascii", errors="replace").strip()
        try:
            value = bytes.fromhex(text)
        except ValueError:
            value = b""
        if len(value) != 32:
            raise SecretUnreadable(f"{path}: 不是 lunxun 生成的项目密钥（应为 64 位十六进制数）；请从备份恢复")
        return value
    if not create:
        return None
    path.parent.mkdir(exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():  # the folder keeps itself out of git, whatever the project's .gitignore says
        ignore.write_text(_IGNORE, encoding="utf-8")
    value = secrets.token_bytes(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # secret: owner only
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(value.hex() + "\n")
    return value


def derive(secret: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose ("ticket:…", "unlock:…"), so no two uses share a key."""
    return hmac.new(secret, purpose.encode(), hashlib.sha256).digest()
