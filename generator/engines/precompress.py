"""Gzip copies beside a built site's text files, for servers that send them as they are.

nginx's ``gzip_static on`` (and Apache's or Caddy's equivalents) answers a request for
``page.html`` with ``page.html.gz`` when the browser accepts gzip, so a county's intranet
server spends no CPU compressing and a phone on a weak connection gets the smallest file.
Level 9 costs the build a second once; ``mtime=0`` keeps the copies reproducible.
Engine-neutral: it works on a finished site folder.
"""

from __future__ import annotations

import gzip
from pathlib import Path as FsPath

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".ics", ".map"})
# below this a response fits in a packet or two anyway, and compressing may even grow it
SMALLEST = 1024


def precompress(site: FsPath) -> int:
    """Write ``name.gz`` beside every text file of ``site`` that compression makes smaller;
    returns how many were written."""
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or path.is_symlink() or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) < SMALLEST:
            continue
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    return written
