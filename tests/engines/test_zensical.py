"""`lunxun build --engine zensical`: the same pages built by Material for MkDocs' successor."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from paths import ROOT, TESTS
from search_support import answer_one_choice

from generator.cli import main

pytest.importorskip(
    "zensical", reason="Zensical is pinned in pyproject.toml; install it to run these"
)


def zensical_build(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("zensical") / "site"
    assert (
        main(["build", "--engine", "zensical", "-f", str(project / "mkdocs.yml"), "-d", str(site)])
        == 0
    )
    return site


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site."""
    return zensical_build(ROOT, tmp_path_factory)


# (project, a page of its hand-written docs/); the shipped site is a whole-site build (slow)
BUILT = [pytest.param((TESTS / "projects" / "sample", "about/index.html"), id="sample"),
         pytest.param((ROOT, "guide/index.html"), id="shipped", marks=pytest.mark.slow)]


@pytest.fixture(scope="module", params=BUILT)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(project, its site built by Zensical, a hand-written page); the shipped one is zensical_site."""
    project, docs_page = request.param
    site = request.getfixturevalue("zensical_site") if project == ROOT else zensical_build(project, tmp_path_factory)
    return project, site, docs_page


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path, serve) -> str:
    return serve(zensical_site)


def test_every_generated_page_is_built(built: tuple[Path, Path, str]) -> None:
    from generator.pipeline import render_project

    project, site, docs_page = built
    for path in render_project(project).pages:
        html = path[:-3] + "/index.html" if not path.endswith("index.md") else path[:-3] + ".html"
        assert (site / html).is_file(), html
    assert (site / "assets" / "lunxun" / "quiz.js").is_file()
    assert (site / docs_page).is_file()  # hand-written docs/ come along


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
