"""Re-grading in two processes: this one and `python -m generator.results.grade_worker`.

Grading is pure computation per code, so on two CPUs a second process halves the time of
100,000 codes. As for the search worker (engines/mkdocs/search/worker.py), a plain child fed
through its standard input rather than multiprocessing, which would re-run a trainer's own
script in the child. Protocol: one pickle on stdin, ``(context, texts)``; one on stdout, the
verdicts or reasons of those texts, in order. The result is the same list, in the same order,
as grading every code here: if the child fails for any reason, its half is graded here.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path as FsPath

from ..collector import collector_paused
from .regrade import Context, Rejected, Verdict, verdict

SPLIT_FROM = 4000  # below this a second process costs more than it saves


def grade(texts: list[str], context: Context, tick: Callable[[str], None] | None = None) -> list[Verdict | str]:
    """Each code's verdict, or the reason (in Chinese) it cannot be graded."""
    out: list[Verdict | str] = []
    for text in texts:
        try:
            out.append(verdict(text, context))
        except Rejected as error:
            out.append(str(error))
        if tick is not None:
            tick(text)
    return out


def grade_all(texts: list[str], context: Context, tick: Callable[[str], None] | None = None) -> list[Verdict | str]:
    """:func:`grade` of every text, the second half in a child process when it pays."""
    if len(texts) < SPLIT_FROM or (os.cpu_count() or 1) < 2:
        return grade(texts, context, tick)
    half = len(texts) // 2
    mine, theirs = texts[:half], texts[half:]
    child = _start()
    if child is None:
        return grade(texts, context, tick)
    feeder = threading.Thread(target=_feed, args=(child, context, theirs), daemon=True)
    feeder.start()
    first = grade(mine, context, tick)
    second = _collect(child, feeder, len(theirs))
    if second is None:
        second = grade(theirs, context, tick)
    elif tick is not None:
        for text in theirs:
            tick(text)
    return first + second


def _start() -> subprocess.Popen[bytes] | None:
    package_root = str(FsPath(__file__).resolve().parents[2])  # so `-m generator…` imports here too
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    try:
        return subprocess.Popen([sys.executable, "-m", "generator.results.grade_worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    except OSError:
        return None


def _feed(child: subprocess.Popen[bytes], context: Context, texts: list[str]) -> None:
    stream = child.stdin
    assert stream is not None
    try:
        pickle.dump((context, texts), stream, protocol=pickle.HIGHEST_PROTOCOL)
        stream.close()
    except OSError:  # the child has gone: _collect finds no answer
        pass


def _collect(child: subprocess.Popen[bytes], feeder: threading.Thread, count: int) -> list[Verdict | str] | None:
    """The child's verdicts, or None when it did not give exactly ``count`` of them."""
    stream = child.stdout
    assert stream is not None
    try:
        answer = pickle.load(stream)
    except Exception:  # noqa: BLE001 -- whatever broke in the child, its half is graded here
        answer = None
    stream.close()
    feeder.join()
    if child.wait() != 0 or not isinstance(answer, list) or len(answer) != count:
        return None
    return answer


def main() -> None:
    # stdout carries the pickle: anything a library prints goes to stderr instead
    sink = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    with collector_paused():
        context, texts = pickle.load(sys.stdin.buffer)
        pickle.dump(grade(texts, context), sink, protocol=pickle.HIGHEST_PROTOCOL)
    sink.close()


if __name__ == "__main__":
    main()
