"""Search on a phone inside WeChat: text that arrives without a keyup (pasted, spoken, an IME's
candidate) starts a search, and result snippets start at a word, never a line at 「，」 or 「、」."""

from __future__ import annotations

import pytest
from search_box import ANSWERED, open_search, page_name
from search_support import load_queries

WECHAT = (
    "Mozilla/5.0 (Linux; Android 12; V2118A Build/SP1A.210812.003; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 "
    "XWEB/5023 MMWEBSDK/20230202 MMWEBID/2315 MicroMessenger/8.0.33.2320(0x28002151) "
    "WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"
)
BOX = "input.md-search__input"
META = ".md-search-result__meta"

# For every block of result text: its first character and the first character of each line
# as laid out (a line starts where a character's box sits lower than the one before).
_LINE_STARTS = """() => {
  const out = [];
  for (const block of document.querySelectorAll('.md-search-result__article p, .md-search-result__article li')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let top = null, first = true, node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.data.length; i++) {
        const ch = node.data[i];
        if (/\\s/.test(ch)) continue;
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (!rect.height) continue;
        if (first || rect.top > top + rect.height / 2) out.push({ch, first, text: block.textContent.slice(0, 40)});
        first = false;
        top = rect.top;
      }
    }
  }
  return out;
}"""


@pytest.fixture()
def phone(browser, shipped_url):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, user_agent=WECHAT, locale="zh-CN", has_touch=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_search(page, shipped_url)
    yield page
    assert not errors
    context.close()


def result_pages(page, base: str) -> list[str]:
    page.wait_for_function(f"() => document.querySelector('{META}').textContent.includes({ANSWERED!r})")
    hrefs = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link:first-child", "els => els.map(a => a.href)"
    )
    return list(dict.fromkeys(page_name(href, base) for href in hrefs))


def test_pasted_or_spoken_text_searches_without_a_key(phone, shipped_url) -> None:
    # fill() sets the text and sends `input` only, as a paste from the long-press menu or
    # voice input does: no key goes down or up
    phone.locator(BOX).fill("邻里纠纷怎么调解")
    assert result_pages(phone, shipped_url)[0] == "methods/liuchixiang"


def test_a_word_picked_from_the_ime_searches(phone, shipped_url) -> None:
    cdp = phone.context.new_cdp_session(phone)
    phone.locator(BOX).focus()
    # pinyin being composed: the box holds the candidate, no search for it is needed yet
    cdp.send("Input.imeSetComposition", {"text": "调节", "selectionStart": 2, "selectionEnd": 2})
    assert phone.evaluate("() => document.querySelector('input.md-search__input').value") == "调节"
    cdp.send("Input.insertText", {"text": "调节"})  # the candidate picked: compositionend, no keyup
    assert phone.locator(BOX).input_value() == "调节"
    assert result_pages(phone, shipped_url)[0] == "methods/sizhen-tiaojie"


@pytest.mark.parametrize("query", ["调解", "党员", "社区", "公示", "矛盾纠纷", "邻里纠纷怎么调解"])
def test_snippets_start_at_a_word(phone, shipped_url, query) -> None:
    phone.locator(BOX).fill(query)
    result_pages(phone, shipped_url)
    starts = phone.evaluate(_LINE_STARTS)
    assert len(starts) > 5
    bad = [s for s in starts if s["ch"] in "，、。；：！？,;:"]
    assert not bad, bad[:5]
    text = phone.locator(".md-search-result__list").inner_text()
    assert "\u200b" not in text
    # the mark is on screen: a snippet cut before it starts with … and then a word
    cut = [s for s in starts if s["first"] and s["ch"] == "…"]
    assert all(s["text"][1] not in "，、。；：！？" for s in cut)


def test_every_natural_query_answers_through_input_alone(phone, shipped_url) -> None:
    """The questions of the shipped query set, each typed as one paste."""
    asked = [q for q in load_queries() if q["kind"] == "问句"][:8]
    for case in asked:
        phone.locator(BOX).fill("")
        phone.wait_for_function(f"() => document.querySelector('{META}').textContent.includes('键入以开始搜索')")
        phone.locator(BOX).fill(case["query"])
        pages = result_pages(phone, shipped_url)
        assert all(page in pages[:3] for page in case["top3"]), (case["query"], pages[:3])
