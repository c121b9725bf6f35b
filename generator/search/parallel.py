"""Material's search indexing in a second process, beside the page build.

Material's search plugin parses each page's HTML and cuts its Chinese into words with jieba,
in the build's own process, between rendering one page and the next: about a quarter of a
large site's build, plus loading jieba's dictionary. When the machine has a spare CPU,
lunxun gives each page to one worker process that runs Material's own indexer, and gathers
the entries, in page order, when Material writes the index. The index is therefore the one
Material would have written, byte for byte; only the time moves to the other CPU.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from material.plugins.search.plugin import SearchIndex

from .segmenter import teach_jieba

log = logging.getLogger("mkdocs.plugins.lunxun")

# Starting the worker and loading jieba there takes about a second; below this many pages
# the build is over before the worker would have paid for itself.
PARALLEL_FROM_PAGES = 300


def spare_cpu() -> bool:
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1


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


class ParallelSearchIndex(SearchIndex):
    """Material's SearchIndex whose pages are indexed by a worker process."""

    def __init__(self, config: dict, jieba_setup: JiebaSetup) -> None:
        super().__init__(**config)
        self._setup = jieba_setup
        self._pages: list[PageSnapshot] = []
        self._pending: list[Future] = []
        self._broken = False
        # spawn, not fork: `lunxun serve` has threads, and a forked child may inherit a held lock
        self._executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(jieba_setup,),
        )
        self._pending.append(self._executor.submit(_ready))  # start the worker (and jieba) now

    def add_entry_from_context(self, page: Any) -> None:
        if (page.meta.get("search") or {}).get("exclude"):
            return
        snapshot = PageSnapshot.of(page)
        self._pages.append(snapshot)
        if not self._broken:
            try:
                self._pending.append(self._executor.submit(_index_page, snapshot))
            except RuntimeError:  # BrokenProcessPool: the worker is gone; _gather indexes here
                self._broken = True

    def generate_search_index(self, prev: Any) -> str:
        self.entries = self._gather()
        return super().generate_search_index(prev)

    def _gather(self) -> list[dict]:
        try:
            results = [future.result() for future in self._pending]
            if self._broken:
                raise RuntimeError("进程已退出")
        except (RuntimeError, OSError, CancelledError) as error:  # killed for memory, say: index here
            log.warning("搜索索引的后台进程出错（%s），改在本进程中建立索引", error or type(error).__name__)
            return self._index_here()
        finally:
            self.close()
        return [entry for entries in results[1:] for entry in entries]  # [0] is _ready's

    def _index_here(self) -> list[dict]:
        teach_jieba(self._setup.words)
        index = SearchIndex()
        for page in self._pages:
            index.add_entry_from_context(page)
        return index.entries

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


_worker_index: SearchIndex | None = None


def _start_worker(setup: JiebaSetup) -> None:
    global _worker_index
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    if setup.dictionary:
        jieba.set_dictionary(setup.dictionary)
    if setup.user_dictionary:
        jieba.load_userdict(setup.user_dictionary)
    teach_jieba(setup.words)  # also loads the dictionary, while the build renders pages
    _worker_index = SearchIndex()


def _ready() -> list[dict]:
    return []


def _index_page(page: PageSnapshot) -> list[dict]:
    assert _worker_index is not None  # set by the initializer
    _worker_index.entries = []
    _worker_index.add_entry_from_context(page)
    return _worker_index.entries
