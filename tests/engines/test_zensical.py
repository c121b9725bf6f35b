"""`lunxun build --engine zensical`: the same pages built by Material for MkDocs' successor."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from paths import ROOT
from search_support import answer_one_choice

from generator.cli import main

pytest.importorskip(
    "zensical", reason="Zensical is pinned in pyproject.toml; install it to run these"
)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("zensical") / "site"
    assert (
        main(["build", "--engine", "zensical", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)])
        == 0
    )
    return site


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path, serve) -> str:
    return serve(zensical_site)


def test_every_generated_page_is_built(zensical_site: Path) -> None:
    from generator.pipeline import render_project

    for path in render_project(ROOT).pages:
        html = path[:-3] + "/index.html" if not path.endswith("index.md") else path[:-3] + ".html"
        assert (zensical_site / html).is_file(), html
    assert (zensical_site / "assets" / "lunxun" / "quiz.js").is_file()
    assert (zensical_site / "guide" / "index.html").is_file()  # hand-written docs/ come along


def test_method_page(page, zensical_site: Path, zensical_url: str) -> None:
    page.goto(zensical_url + "methods/liuchixiang/")
    assert page.locator("h1").first.inner_text().startswith("六尺巷工作法")
    for step in ("ting", "bian", "quan", "jie", "rang", "he"):
        assert page.locator(f"h3#{step}").count() == 1
    page.locator(".lx-flow a[href='#huizhen'], .lx-flow a[href='#he']").first.click()
    assert page.url.endswith("#he")
    _stays_local(page)


def test_quiz_page(page, zensical_url: str) -> None:
    page.goto(zensical_url + "quizzes/liuchixiang-jichu/")
    answer_one_choice(page)
    _stays_local(page)


def _stays_local(page) -> None:
    elsewhere = [
        u
        for u in page.requests_seen
        if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"
    ]
    assert elsewhere == []
