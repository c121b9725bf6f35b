"""The cyclic garbage collector paused while `lunxun results` builds objects that stay alive.

Re-grading 100,000 codes makes millions of dicts and lists (answers, verdicts, attempts) and
frees almost none: the collector's repeated scans of them cost a fifth of grading and three
quarters of reading the second process's verdicts back. Reference counting still frees the
garbage; the collector runs again afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
