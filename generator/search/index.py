"""Material's search index, page by page: built in a second process on a large site, and,
on a `lunxun serve` rebuild, for the rebuilt pages only.

Material's search plugin parses each page's HTML and cuts its Chinese into words with jieba,
in the build's own process, between rendering one page and the next: about a quarter of a
large site's build, plus loading jieba's dictionary. When the machine has a spare CPU,
lunxun gives each page to one worker process that runs Material's own indexer. Either way
the entries are kept per page and written in the order of the site's pages, so the index is
the one Material would have written, byte for byte, and a rebuild that re-renders only some
pages can keep the other pages' entries from the build before.
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

PageEntries = dict[str, list[dict]]  # page URL → its index entries


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


class SiteSearchIndex(SearchIndex):
    """Material's SearchIndex, kept per page.

    ``kept``: the entries of pages this build does not re-render (a dirty rebuild).
    ``page_order``: the URLs of the site's pages in build order, set before the index is
    written; kept pages no longer in it drop out.
    """

    def __init__(self, config: dict, jieba_setup: JiebaSetup, *, parallel: bool, kept: PageEntries) -> None:
        super().__init__(**config)
        self._setup = jieba_setup
        self._kept = kept
        self.page_order: list[str] | None = None
        self.by_page: PageEntries = {}
        self._pages: list[PageSnapshot] = []
        self._pending: list[Future] = []
        self._executor: ProcessPoolExecutor | None = None
        if parallel:
            # spawn, not fork: `lunxun serve` has threads, and a forked child may inherit a held lock
            self._executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(jieba_setup,),
            )
            self._executor.submit(_ready)  # start the worker, and jieba there, now
        else:
            teach_jieba(jieba_setup.words)

    def add_entry_from_context(self, page: Any) -> None:
        if self._executor is None:
            self.by_page[page.url] = _entries(self, page)
            return
        snapshot = PageSnapshot.of(page)
        self._pages.append(snapshot)
        try:
            self._pending.append(self._executor.submit(_index_page, snapshot))
        except RuntimeError:  # BrokenProcessPool: the worker is gone; _gather indexes here
            self._pending.append(_failed(RuntimeError("进程已退出")))

    def generate_search_index(self, prev: Any) -> str:
        if self._executor is not None:
            self.by_page = self._gather()
        entries = {**self._kept, **self.by_page}
        order = self.page_order if self.page_order is not None else list(entries)
        self.by_page = {url: entries[url] for url in order if url in entries}
        self.entries = [entry for page in self.by_page.values() for entry in page]
        return super().generate_search_index(None)  # `prev` is Material's own merge, done above

    def _gather(self) -> PageEntries:
        try:
            results = [future.result() for future in self._pending]
        except (RuntimeError, OSError, CancelledError) as error:  # killed for memory, say: index here
            log.warning("搜索索引的后台进程出错（%s），改在本进程中建立索引", error or type(error).__name__)
            teach_jieba(self._setup.words)
            results = [_entries(SearchIndex(), page) for page in self._pages]
        finally:
            self.close()
        return {page.url: entries for page, entries in zip(self._pages, results, strict=True)}

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _failed(error: Exception) -> Future:
    future: Future = Future()
    future.set_exception(error)
    return future


def _entries(index: SearchIndex, page: Any) -> list[dict]:
    """The entries Material's indexer makes of one page (none for a page excluded from search)."""
    index.entries = []
    SearchIndex.add_entry_from_context(index, page)
    return index.entries


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


def _ready() -> None:
    pass


def _index_page(page: PageSnapshot) -> list[dict]:
    assert _worker_index is not None  # set by the initializer
    return _entries(_worker_index, page)
