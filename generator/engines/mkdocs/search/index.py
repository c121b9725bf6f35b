"""Material's search index, page by page: built in a second process on a large site, and,
on a `lunxun serve` rebuild, for the rebuilt pages only.

Material's search plugin parses each page's HTML and cuts its Chinese into words with jieba,
in the build's own process, between rendering one page and the next: about a quarter of a
large site's build, plus loading jieba's dictionary. When the machine has a spare CPU,
lunxun gives each page to a worker process (generator.engines.mkdocs.search.worker) that runs Material's
own indexer. Either way the entries are kept per page and written in the order of the
site's pages, so the index is the one Material would have written, byte for byte, and a
rebuild that re-renders only some pages can keep the other pages' entries from the build
before.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from material.plugins.search.plugin import SearchIndex

from .segmenter import teach_jieba
from .worker import JiebaSetup, PageSnapshot, Worker, page_entries

log = logging.getLogger("mkdocs.plugins.lunxun")

# The worker needs about a second (Python, Material, jieba's dictionary) before its first
# page, while the build's process goes on. Measured with `lunxun build`: the shipped site
# (about 70 pages) 1.8–2.3 s with it against 2.1–2.5 s without. A serve rebuild of a few
# pages is quicker here, where jieba stays loaded between rebuilds.
PARALLEL_FROM_PAGES = 30

PageEntries = dict[str, list[dict]]  # page URL → its index entries


def spare_cpu() -> bool:
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1


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
        self._worker = _start_worker(jieba_setup) if parallel else None  # jieba loads there now
        if self._worker is None:
            teach_jieba(jieba_setup.words)  # Material's on_config has set up the rest of jieba here

    def add_entry_from_context(self, page: Any) -> None:
        if self._worker is None:
            self.by_page[page.url] = page_entries(self, page)
            return
        snapshot = PageSnapshot.of(page)
        self._pages.append(snapshot)
        self._worker.send(snapshot)

    def generate_search_index(self, prev: Any) -> str:
        if self._worker is not None:
            self.by_page = self._gather(self._worker)
        entries = {**self._kept, **self.by_page}
        order = self.page_order if self.page_order is not None else list(entries)
        self.by_page = {url: entries[url] for url in order if url in entries}
        self.entries = [entry for page in self.by_page.values() for entry in page]
        return super().generate_search_index(None)  # `prev` is Material's own merge, done above

    def _gather(self, worker: Worker) -> PageEntries:
        try:
            results = worker.finish(len(self._pages))
        except RuntimeError as error:  # killed for memory, say: index here instead
            log.info("搜索索引的后台进程出错（%s），改在本进程中建立索引（索引完整，只是慢一些）", error)
            teach_jieba(self._setup.words)
            results = [page_entries(SearchIndex(), page) for page in self._pages]
        self._worker = None
        return {page.url: entries for page, entries in zip(self._pages, results, strict=True)}

    def close(self) -> None:
        """Stop the worker of a build that failed."""
        if self._worker is not None:
            self._worker.stop()


def _start_worker(setup: JiebaSetup) -> Worker | None:
    try:
        return Worker(setup)
    except OSError as error:  # no process to spare (a limit on processes or open files)
        log.info("无法启动搜索索引的后台进程（%s），改在本进程中建立索引（索引完整，只是慢一些）", error)
        return None
