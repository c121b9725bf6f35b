"""The search index and the engine load when the search box is first used, not with the page
(generator/assets/search-shim/): a first visit on a weak connection does not wait for them.
Online and from file://, at 360 px: no request for either until the box is used, a visible
「正在加载搜索…」 while they load, then search answers; a failed load says so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from search_box import open_search, search, wait_for_engine

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
METHOD = "methods/liuchixiang/"
SEARCH_FILES = re.compile(r"/search/search_index\.js(on)?$|/assets/lunxun/search\.js$")
META = ".md-search-result__meta"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offline") / "site"
    assert main(["build", "--offline", "-f", str(ROOT / "mkdocs.yml"), "-d", str(folder), "--strict"]) == 0
    return folder


def search_requests(page) -> list[str]:
    return [url for url in page.requests_seen if SEARCH_FILES.search(url.split("?")[0])]


def loaded_and_idle(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # Material's bundle has run and mounted its search by now


def test_online_nothing_loads_until_the_box_is_used(phone, shipped_url) -> None:
    held = []
    phone.route("**/search/search_index.json", lambda route: held.append(route))
    loaded_and_idle(phone, shipped_url + METHOD)
    phone.locator("article").first.click()  # using the page is not using search
    assert search_requests(phone) == []
    phone.locator("label[for=__search]").first.click()
    # the index is asked for at once, and the results line says it is loading while it comes
    for _ in range(100):
        if held:
            break
        phone.wait_for_timeout(50)
    assert len(held) == 1
    assert phone.locator(META).inner_text() == "正在加载搜索…"
    assert phone.locator(META).is_visible()
    held[0].continue_()
    wait_for_engine(phone)
    assert search(phone, shipped_url, "邻里纠纷怎么调解").pages[0] == "methods/liuchixiang"
    assert search(phone, shipped_url, "会诊").pages[0] == "methods/sizhen-tiaojie"


def test_online_typing_into_the_box_starts_the_load(phone, shipped_url) -> None:
    loaded_and_idle(phone, shipped_url)
    assert search_requests(phone) == []
    phone.locator("label[for=__search]").first.click()
    box = phone.locator("input.md-search__input")
    box.fill("调节")  # pasted at once, before the engine is there: answered once it is
    phone.wait_for_function(f"() => document.querySelector('{META}').textContent.includes('符合条件的结果')")
    assert len(search_requests(phone)) == 2  # the index and the engine, once each
    first = phone.locator("li.md-search-result__item a").first.get_attribute("href")
    assert "methods/sizhen-tiaojie" in first


def test_a_failed_load_says_so(phone, shipped_url) -> None:
    phone.route("**/search/search_index.json", lambda route: route.abort())
    loaded_and_idle(phone, shipped_url + METHOD)
    phone.locator("label[for=__search]").first.click()
    phone.wait_for_function(f"() => document.querySelector('{META}').textContent.includes('搜索没有加载成功')")
    assert phone.locator(META).is_visible()
    # Material's bundle reports the failed request as an uncaught error of its own; nothing else fails
    assert set(phone.errors_seen) == {"Network error"}
    phone.errors_seen.clear()


def test_from_file_nothing_loads_until_the_box_is_used(phone, offline_site) -> None:
    url = (offline_site / "methods" / "liuchixiang.html").as_uri()
    loaded_and_idle(phone, url)
    assert search_requests(phone) == []
    assert phone.evaluate("() => typeof window.__index") == "undefined"
    base = offline_site.as_uri() + "/"
    open_search(phone, url)
    assert [name.rsplit("/", 1)[-1] for name in search_requests(phone)] == ["search.js", "search_index.js"]
    assert search(phone, base, "邻里纠纷怎么调解").pages[0] == "methods/liuchixiang"
    assert search(phone, base, "听").pages == ["methods/liuchixiang"]
    leaving = [u for u in phone.requests_seen if not u.startswith(("file://", "data:", "blob:"))]
    assert leaving == []
