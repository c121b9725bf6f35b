"""`lunxun build --offline`: a folder and a .zip that work from file:// with no network."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from paths import ROOT
from search_box import open_search, search
from search_support import answer_one_choice

from generator.cli import main
from generator.output import MARKER


def offline_build(project: Path, out: Path) -> tuple[Path, Path]:
    """A project built offline by the command line, and the zip unpacked elsewhere."""
    folder = out / "lunxun-offline"
    assert (
        main(["build", "--offline", "-f", str(project / "mkdocs.yml"), "-d", str(folder), "--strict"])
        == 0
    )
    archive = folder.with_name("lunxun-offline.zip")
    assert archive.is_file()
    unpacked = out / "usb-stick"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
    return folder, unpacked / "lunxun-offline"


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped site, for the browser."""
    return offline_build(ROOT, tmp_path_factory.mktemp("offline"))


# (project, a method page of it); the shipped site is a whole-site build (slow)
BUILT = [pytest.param((ROOT / "tests" / "projects" / "sample", "methods/tingqing.html"), id="sample"),
         pytest.param((ROOT, "methods/liuchixiang.html"), id="shipped", marks=pytest.mark.slow)]


@pytest.fixture(scope="module", params=BUILT)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(the offline folder, the zip unpacked, a method page); the shipped one is offline_copy."""
    project, method_page = request.param
    if project == ROOT:
        return *request.getfixturevalue("offline_copy"), method_page
    return *offline_build(project, tmp_path_factory.mktemp("offline")), method_page


def test_folder_and_zip_hold_the_same_site(built) -> None:
    folder, unpacked, _ = built
    # the folder carries lunxun's marker (a rebuild may replace it); the zip for cadres does not
    listed = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != MARKER)
    assert (folder / MARKER).is_file()
    assert listed == sorted(
        p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()
    )
    assert "使用说明.txt" in listed and "search/search_index.js" in listed


def test_pages_link_to_files_not_folders(built) -> None:
    _, site, method_page = built
    html = (site / method_page).read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#:]+)"', html)
    pages = [
        link for link in links if not link.endswith((".css", ".js", ".png", ".svg", ".ico", ".xml"))
    ]
    assert pages and all(link.endswith(".html") for link in pages), [
        p for p in pages if not p.endswith(".html")
    ]
    assert "assets/lunxun/search-shim.js" in html


def _no_network(page) -> None:
    leaving = [
        url for url in page.requests_seen if not url.startswith(("file://", "data:", "blob:"))
    ]
    assert leaving == []


def test_navigate_and_search_from_file(offline_copy, page) -> None:
    _, site = offline_copy
    home = (site / "index.html").as_uri()
    page.goto(home)
    page.locator(".md-content a[href='methods/index.html']").first.click()
    page.wait_for_url("**/methods/index.html")
    page.locator(".md-content a[href='sizhen-tiaojie.html']").first.click()
    page.wait_for_url("**/methods/sizhen-tiaojie.html")
    assert "四诊调解工作法" in page.locator("h1").first.inner_text()
    base = site.as_uri() + "/"
    open_search(page, home)
    assert (
        page.locator(".md-search").first.is_visible()
        or page.locator("input.md-search__input").is_visible()
    )
    answer = search(page, base, "会诊")
    assert answer.pages[0] == "methods/sizhen-tiaojie"
    assert search(page, base, "听").pages == ["methods/liuchixiang"]
    page.locator("li.md-search-result__item a").first.click()
    page.wait_for_url("**/methods/liuchixiang.html*")
    _no_network(page)


def test_take_a_quiz_from_file(offline_copy, page) -> None:
    _, site = offline_copy
    page.goto((site / "quizzes" / "liuchixiang-jichu.html").as_uri())
    answer_one_choice(page)
    _no_network(page)


def test_materials_offline_plugin_loads_nothing_from_unpkg(tmp_path: Path) -> None:
    """A trainer who lists Material's own offline plugin gets our local shim, not unpkg's."""
    import shutil

    from conftest import PROJECTS, build_project

    project = tmp_path / "project"
    shutil.copytree(PROJECTS / "sample", project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - lunxun", "  - offline\n  - lunxun"),
        encoding="utf-8",
    )
    site = build_project(project, tmp_path / "site")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "assets/lunxun/search-shim.js" in html
    assert (site / "search" / "search_index.js").is_file()
