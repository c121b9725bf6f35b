"""The second process that indexes pages for search: `python -m generator.engines.mkdocs.search.worker`.

A plain child process fed through its standard input, rather than multiprocessing: spawning
with multiprocessing re-imports the parent's main script in the child, so a build started
from a trainer's own script without a `__main__` guard would run that script again there.

Protocol: pickles on stdin (a JiebaSetup, then one PageSnapshot per page) and, for each page,
one pickle on stdout with its index entries, in the same order.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import IO, Any

from material.plugins.search.plugin import SearchIndex

from .segmenter import teach_jieba


@dataclass
class PageSnapshot:
    """What Material's indexer reads of a page, in a form that crosses to another process."""

    url: str
    title: str
    content: str
    meta: dict
    toc: Any  # mkdocs.structure.toc.TableOfContents: plain objects, picklable

    @classmethod
    def of(cls, page: Any) -> PageSnapshot:
        return cls(url=page.url, title=page.title, content=page.content, meta=dict(page.meta), toc=page.toc)


@dataclass
class JiebaSetup:
    """jieba as Material's search plugin and lunxun would set it up in the build's process."""

    words: list[str] = field(default_factory=list)
    dictionary: str | None = None
    user_dictionary: str | None = None

    def apply(self) -> None:
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        if self.dictionary:
            jieba.set_dictionary(self.dictionary)
        if self.user_dictionary:
            jieba.load_userdict(self.user_dictionary)
        teach_jieba(self.words)  # also loads the dictionary


def page_entries(index: SearchIndex, page: Any) -> list[dict]:
    """The entries Material's indexer makes of one page (none for a page excluded from search)."""
    index.entries = []
    SearchIndex.add_entry_from_context(index, page)
    return index.entries


_END = object()


class Worker:
    """The build's side: starts the process, sends pages without ever waiting for it (a
    thread writes them), and collects the entries as they come (another thread)."""

    def __init__(self, setup: JiebaSetup) -> None:
        package_root = str(FsPath(__file__).resolve().parents[4])  # so `-m generator…` imports here too
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 -- kept open until finish() or stop()
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "generator.engines.mkdocs.search.worker"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors, env=env,
            )
        except OSError:
            self._errors.close()
            raise
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._outbox.put(setup)
        self.results: list[list[dict]] = []
        self._threads = [threading.Thread(target=self._write, daemon=True),
                         threading.Thread(target=self._read, daemon=True)]
        for thread in self._threads:
            thread.start()

    def send(self, page: PageSnapshot) -> None:
        self._outbox.put(page)

    def _write(self) -> None:
        stream: IO[bytes] = self._process.stdin  # type: ignore[assignment]
        try:
            while (item := self._outbox.get()) is not _END:
                pickle.dump(item, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.close()
        except OSError:  # the worker has gone; finish() tells
            pass

    def _read(self) -> None:
        stream: IO[bytes] = self._process.stdout  # type: ignore[assignment]
        try:
            while True:
                self.results.append(pickle.load(stream))
        except (EOFError, OSError, pickle.UnpicklingError):
            pass

    def finish(self, pages: int) -> list[list[dict]]:
        """Every page's entries, in the order sent; RuntimeError if the worker failed."""
        code = self._end()
        self._errors.seek(0)
        lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        self._errors.close()
        if code != 0 or len(self.results) != pages:
            raise RuntimeError(lines[-1] if lines else f"进程退出码 {code}")
        return self.results

    def stop(self) -> None:
        """End the worker of a build that failed."""
        self._process.kill()
        self._end()
        self._errors.close()

    def _end(self) -> int:
        self._outbox.put(_END)
        for thread in self._threads:
            thread.join()
        code = self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            stream.close()  # type: ignore[union-attr]
        return code


def main() -> None:
    # stdout carries the pickles: anything a library prints goes to stderr instead
    sink = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    source = sys.stdin.buffer
    pickle.load(source).apply()
    index = SearchIndex()
    while True:
        try:
            page = pickle.load(source)
        except EOFError:
            break
        pickle.dump(page_entries(index, page), sink, protocol=pickle.HIGHEST_PROTOCOL)
    sink.close()


if __name__ == "__main__":
    main()
