"""Material's bundle waits for the reader's first use of a page (generator/assets/material-on-demand.js),
at 360 px with touch: no request for it while the page loads and sits, the search button showing
meanwhile; the first scroll, tap or key starts it, once, and Material then does what it did when it
came with the page (its no-js class gone, tables wrapped for sideways scrolling, the back-to-top
button); a search link starts it at once; nothing fails on the way."""

from __future__ import annotations

import re

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
PROGRAMME = "programmes/shuji-lunxun/"


def bundles(page) -> list[str]:
    return [url for url in page.requests_seen if BUNDLE.search(url.split("?")[0])]


def started(page) -> None:
    page.wait_for_function("document.documentElement.classList.contains('js')")


def test_a_page_loads_and_sits_without_the_bundle(phone, shipped_url: str) -> None:
    phone.goto(shipped_url + PROGRAMME, wait_until="load")
    phone.wait_for_load_state("networkidle")
    phone.wait_for_timeout(500)
    assert bundles(phone) == []
    assert phone.evaluate("document.documentElement.className.split(' ').sort()") == ["lx-js", "no-js"]
    assert phone.locator("label[for=__search]").first.is_visible()  # Material hides it under no-js
    assert phone.locator(".lx-elder-switch").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_first_scroll_starts_material_once(phone, shipped_url: str) -> None:
    phone.goto(shipped_url + PROGRAMME, wait_until="load")
    assert phone.locator(".md-typeset table").count() >= 1
    phone.mouse.wheel(0, 1500)
    started(phone)
    tables = phone.locator(".md-typeset table").count()
    wrapped = phone.locator(".md-typeset__scrollwrap > .md-typeset__table > table")
    wrapped.first.wait_for(state="attached")
    assert wrapped.count() == tables  # once each, as Material wraps them
    phone.wait_for_timeout(300)
    phone.mouse.wheel(0, -300)  # Material shows the back-to-top button when the reader scrolls back up
    phone.wait_for_function("!document.querySelector('.md-top').hidden")
    phone.keyboard.press("Tab")
    phone.locator("article").first.tap()
    assert len(bundles(phone)) == 1
    assert phone.evaluate("document.documentElement.classList.contains('no-js')") is False


def test_the_first_tap_on_search_opens_it_and_searches(phone, shipped_url: str) -> None:
    phone.goto(shipped_url + "methods/liuchixiang/", wait_until="load")
    phone.wait_for_timeout(300)
    assert bundles(phone) == []
    phone.locator("label[for=__search]").first.tap()  # the first use of the page is this tap
    box = phone.locator("input.md-search__input")
    box.fill("调节")
    phone.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('符合条件的结果')")
    assert "methods/sizhen-tiaojie" in phone.locator("li.md-search-result__item a").first.get_attribute("href")
    assert len(bundles(phone)) == 1


def test_a_search_link_starts_material_with_the_page(phone, shipped_url: str) -> None:
    phone.goto(shipped_url + "methods/liuchixiang/?q=调解", wait_until="load")
    started(phone)
    assert len(bundles(phone)) == 1
    phone.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('符合条件的结果')")
