"""Revision numbers for calendar events: SEQUENCE and DTSTAMP that change only with the event.

Calendar apps that import an .ics file keep an event they already have unless the new copy
carries a higher SEQUENCE (RFC 5546) — a moved session would otherwise stay at its old time.
A number that only grows cannot be read off the content alone, so the project keeps a small
ledger (``.lunxun/calendar.json``, committed with the content): for each event's UID, a
fingerprint of what the event says, its SEQUENCE and its DTSTAMP. An unchanged event keeps
both, so a rebuild is byte-identical; a changed one gets SEQUENCE + 1 and the build's time.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any


class EventRevisions:
    """Reads the previous ledger, hands out (sequence, dtstamp) per event, remembers the new one."""

    def __init__(self, previous: dict[str, Any], now: datetime.datetime) -> None:
        self.previous = previous
        self.now = now.astimezone(datetime.UTC).replace(microsecond=0)
        self.current: dict[str, dict[str, Any]] = {}

    def revision(self, uid: str, content: list[str], first: datetime.datetime) -> tuple[int, datetime.datetime]:
        """``first`` is the stamp of an event the ledger does not know yet (a fixed time, so a
        first build repeats byte for byte on any machine); a changed event gets the build's."""
        fingerprint = hashlib.sha256("\x1f".join(content).encode("utf-8")).hexdigest()[:16]
        old: dict[str, Any] = self.previous.get(uid) or {}
        sequence, stamp = 0, first.astimezone(datetime.UTC)
        if _well_formed(old):
            known = datetime.datetime.fromisoformat(old["stamp"])
            if old["fingerprint"] == fingerprint:
                sequence, stamp = old["sequence"], known
            else:
                sequence, stamp = old["sequence"] + 1, max(self.now, known + datetime.timedelta(seconds=1))
        self.current[uid] = {"fingerprint": fingerprint, "sequence": sequence, "stamp": stamp.isoformat()}
        return sequence, stamp

    def ledger(self) -> bytes:
        """The ledger to keep: events no longer scheduled are kept too, so a session that comes
        back later still counts up from where it was."""
        merged = {**{k: v for k, v in self.previous.items() if _well_formed(v)}, **self.current}
        return (json.dumps(dict(sorted(merged.items())), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _well_formed(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    try:
        datetime.datetime.fromisoformat(entry["stamp"])
    except (KeyError, TypeError, ValueError):
        return False
    sequence = entry.get("sequence")
    return isinstance(entry.get("fingerprint"), str) and isinstance(sequence, int) and 0 <= sequence < 2**31 - 1
