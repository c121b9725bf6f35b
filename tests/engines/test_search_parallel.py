"""Material's search indexing in a worker process gives the very index Material writes itself."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import build_project, shipped_copy
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc
from test_build_trust import digest

import generator.engines.mkdocs.plugin
from generator.engines.mkdocs.search.index import SiteSearchIndex
from generator.engines.mkdocs.search.segmenter import teach_jieba
from generator.engines.mkdocs.search.worker import JiebaSetup


@pytest.fixture
def parallel_indexing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Index every build in a worker, however small the site and however many CPUs."""
    monkeypatch.setattr(generator.engines.mkdocs.plugin, "PARALLEL_FROM_PAGES", 0)
    monkeypatch.setattr(generator.engines.mkdocs.plugin, "spare_cpu", lambda: True)


def test_the_shipped_site_is_byte_identical_with_the_index_built_in_a_worker(
    shipped_site: Path, tmp_path: Path, parallel_indexing: None
) -> None:
    site = build_project(shipped_copy(tmp_path), tmp_path / "site")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 100
    # the site's own terms reached the worker's jieba: kept whole in the index
    assert any("\u200b六尺巷工作法\u200b" in f"\u200b{doc['title']}\u200b" for doc in index["docs"])
    assert digest(site) == digest(shipped_site)


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # jieba.load_userdict leaves its file open
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_jieba_user_dictionary_reaches_the_worker(tmp_path: Path, parallel_indexing: None,
                                                    pristine_jieba: None) -> None:
    project = shipped_copy(tmp_path)
    (project / "words.txt").write_text("的方 99999999\n", encoding="utf-8")  # a word jieba would never make
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      lang: zh\n",
                                                   "      lang: zh\n      jieba_dict_user: words.txt\n"),
        encoding="utf-8",
    )
    cwd = os.getcwd()
    os.chdir(project)  # Material reads the dictionary's path relative to where the build runs
    try:
        site = build_project(project, tmp_path / "site")
    finally:
        os.chdir(cwd)
    text = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\u200b的方\u200b法" in text


def _page(url: str, html: str) -> SimpleNamespace:
    toc = get_toc([{"level": 2, "id": "yi", "name": "一", "children": []}])
    return SimpleNamespace(url=url, title="页面", content=html, meta={}, toc=toc)


def test_a_worker_that_dies_leaves_the_index_to_the_build_process(caplog: pytest.LogCaptureFixture) -> None:
    pages = [_page(f"p{n}/", f'<h1>第{n}页</h1><p>邻里纠纷调解</p><h2 id="yi">一</h2><p>入户走访{n}</p>')
             for n in range(5)]
    teach_jieba(["入户走访"])
    expected = SearchIndex()
    for page in pages:
        expected.add_entry_from_context(page)
    teach_jieba([])

    config = {"lang": ["zh"], "separator": "[\\s]+", "pipeline": [], "fields": {}}
    index = SiteSearchIndex(config, JiebaSetup(["入户走访"]), parallel=True, kept={})
    index._worker._process.kill()  # as if the system had killed it for memory
    index._worker._process.wait()
    for page in pages:
        index.add_entry_from_context(page)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.lunxun"):
        data = json.loads(index.generate_search_index(None))
    teach_jieba([])
    assert "搜索索引的后台进程出错" in caplog.text
    assert data["docs"] == expected.entries
    assert [doc["location"] for doc in data["docs"]] == [
        location for n in range(5) for location in (f"p{n}/", f"p{n}/#yi")
    ]


UNGUARDED_SCRIPT = """
import sys
from pathlib import Path

import generator.engines.mkdocs.plugin
from generator.engines.mkdocs.build import build_site

print("script ran", flush=True)
generator.engines.mkdocs.plugin.spare_cpu = lambda: True  # a worker even on one CPU
build_site(Path(sys.argv[1]) / "mkdocs.yml", site_dir=sys.argv[2])
"""


def test_a_build_from_a_script_without_a_main_guard_runs_the_script_once(tmp_path: Path) -> None:
    """The worker is its own program: it does not re-run the script that started the build."""
    script = tmp_path / "build_all.py"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(shipped_copy(tmp_path)), str(tmp_path / "site")],
                            check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("script ran") == 1
    assert "搜索索引的后台进程出错" not in result.stderr
    assert (tmp_path / "site" / "search" / "search_index.json").stat().st_size > 10_000


def test_a_worker_that_cannot_start_leaves_the_index_to_the_build_process(
    tmp_path: Path, parallel_indexing: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("generator.engines.mkdocs.search.worker.subprocess.Popen", no_process)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.lunxun"):
        site = build_project(shipped_copy(tmp_path), tmp_path / "site")
    assert "无法启动搜索索引的后台进程" in caplog.text
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 100
