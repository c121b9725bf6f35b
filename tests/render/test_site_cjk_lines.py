"""Chinese broken across lines of a hand-written page is joined without Markdown's space."""

from __future__ import annotations

import markdown

from generator.render.cjk_lines import join_lines


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["generator.render.cjk_lines", "tables"])


def test_a_sentence_over_two_lines_has_no_space() -> None:
    assert _html("你只需要编写几类文本文件，\n网站就生成了。") == "<p>你只需要编写几类文本文件，网站就生成了。</p>"
    assert _html("把它们变成一个\n可以在手机上阅读的网站") == "<p>把它们变成一个可以在手机上阅读的网站</p>"
    assert _html("文本文件，\nlunxun 会") == "<p>文本文件，lunxun 会</p>"  # after Chinese punctuation
    assert _html("改按\n  **最高分**计") == "<p>改按<strong>最高分</strong>计</p>"  # past emphasis marks


def test_the_space_between_chinese_and_latin_words_stays() -> None:
    assert _html("运行\n`lunxun check`") == "<p>运行\n<code>lunxun check</code></p>"
    assert _html("lunxun build\n生成网站") == "<p>lunxun build\n生成网站</p>"


def test_blocks_are_not_joined() -> None:
    text = "1. 生成模板。\n2. 检查。\n\n# 标题\n正文\n\n- 一项。\n- 二项。"
    html = _html(text)
    assert "<li>生成模板。</li>" in html and "<li>检查。</li>" in html
    assert "<h1>标题</h1>" in html and "<p>正文</p>" in html
    assert html.count("<li>") == 4


def test_lazy_list_continuation_and_hard_breaks() -> None:
    assert _html("- 一项很长，\n  接着写。") == "<ul>\n<li>一项很长，接着写。</li>\n</ul>"
    assert _html("第一行  \n第二行") == "<p>第一行<br />\n第二行</p>"


def test_code_fences_and_tables_are_left_as_written() -> None:
    fenced = ["```yaml", "title: 六尺巷", "工作法", "```"]
    assert join_lines(fenced) == fenced
    table = ["名称 | 说明", "--- | ---", "六尺巷 | 调解"]
    assert join_lines(table) == table
