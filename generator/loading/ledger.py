"""The project's build ledger (``.lunxun/calendar.json``) and the build's own time.

What the last build remembered of each calendar event (see render.revisions). A missing or
unreadable ledger is an empty one: every event then starts at SEQUENCE 0, which is what a
first build does anyway, so a damaged file costs calendar updates, never the build.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path as FsPath
from typing import Any

from .files import Unreadable, outside, read_regular

LEDGER_FILE = ".lunxun/calendar.json"
LEDGER_LIMIT = 8 << 20


def read_ledger(root: FsPath) -> dict[str, Any]:
    path = root / LEDGER_FILE
    if not path.exists() or outside(path, root):
        return {}
    try:
        data = json.loads(read_regular(path, LEDGER_LIMIT).decode("utf-8"))
    except (Unreadable, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def build_time() -> datetime.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds name their time that way)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit() and len(epoch) < 12:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.now(datetime.UTC)
