"""The site's terms: the glossary page, the segmenter's dictionary and the search wiring."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from paths import ROOT

from generator.engines.theme import use_engine
from generator.pipeline import render_project, site_model
from generator.render.glossary import OTHER, collect_terms, dictionary_words, initial_of


@pytest.fixture(scope="module")
def terms():
    return {term.text: term for term in collect_terms(site_model(ROOT))}


def test_steps_link_to_their_anchor(terms) -> None:
    site = site_model(ROOT)
    for method_id, method in site.methods.items():
        for step in method.steps:
            targets = [p.target for p in terms[step.name].places if p.kind == "步骤"]
            assert f"methods/{method_id}.md#{step.id}" in targets, step.name


def test_every_kind_of_term_is_collected(terms) -> None:
    assert [p.kind for p in terms["六尺巷工作法"].places] == ["方法"]
    assert terms["七包三共"].places[0].kind == "别称"
    assert terms["会诊"].places[0].target == "methods/sizhen-tiaojie.md#huizhen"
    assert terms["以和为贵"].places[0].target == "methods/liuchixiang.md#principles"
    assert {p.target for p in terms["人民调解"].places} >= {
        "methods/liuchixiang.md",
        "methods/sizhen-tiaojie.md",
    }
    assert "类别" in {p.kind for p in terms["矛盾调解"].places}  # a tag of one method too


def test_pinyin_initials() -> None:
    assert [
        initial_of(t) for t in ("会诊", "六尺巷", "坐诊", "听", "辨", "和", "五个必访")
    ] == list("HLZTBHW")
    assert initial_of("4+2工作法") == OTHER


def test_dictionary_keeps_names_and_drops_sentences(terms) -> None:
    words = dictionary_words(list(terms.values()))
    for word in (
        "六尺巷工作法",
        "四诊调解工作法",
        "会诊",
        "坐诊",
        "公开承诺制",
        "人民调解",
        "三天三一",
        "排查机制",
    ):
        assert word in words
    assert "把党的关怀和温暖及时送到位" not in words  # a principle that is a sentence
    assert all(len(word) >= 2 for word in words)


def test_glossary_page_is_in_the_navigation() -> None:
    rendered = render_project(ROOT)
    assert "glossary.md" in rendered.nav
    assert "search_words" in vars(rendered) and "会诊" in rendered.search_words
    page = rendered.pages["glossary.md"]
    assert "[四诊调解工作法 · 组成部分](methods/sizhen-tiaojie.md#huizhen)" in page


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def _parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_glossary_link_lands_on_its_anchor(shipped_site: Path) -> None:
    glossary = shipped_site / "glossary" / "index.html"
    links = [link for link in _parse(glossary).links if link.startswith("../methods/")]
    assert len(links) > 100
    for link in links:
        path, _, anchor = link.partition("#")
        target = (glossary.parent / path / "index.html").resolve()
        assert target.is_file(), link
        if anchor:
            assert anchor in _parse(target).ids, link


def test_index_keeps_terms_whole_and_is_utf8(shipped_site: Path) -> None:
    raw = (shipped_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "六尺巷" in raw and not re.search(
        r"\\u[4-9][0-9a-f]{3}", raw
    )  # UTF-8, not escapes: half the bytes
    docs = json.loads(raw)["docs"]
    tokens = {
        token
        for doc in docs
        for token in re.split(r"[\u200b\s]+", doc["title"] + " " + doc["text"])
    }
    for word in ("六尺巷工作法", "四诊调解工作法", "公开承诺制", "会诊", "坐诊"):
        assert word in tokens, word
    assert not any(
        doc["location"].startswith("glossary") for doc in docs
    )  # the glossary only points


def test_every_page_uses_lunxun_search(shipped_site: Path) -> None:
    for page in [
        shipped_site / "index.html",
        shipped_site / "methods" / "liuchixiang" / "index.html",
        shipped_site / "404.html",
    ]:
        config = re.search(
            r'<script id="__config" type="application/json">(.*?)</script>',
            page.read_text(encoding="utf-8"),
            re.DOTALL,
        )
        assert config and json.loads(config.group(1))["search"].endswith("assets/lunxun/search.js")
    assert (shipped_site / "assets" / "lunxun" / "search.js").is_file()


def test_use_engine_leaves_other_pages_alone() -> None:
    assert use_engine("<p>no config here</p>") == "<p>no config here</p>"
    page = ('<script id="__config" type="application/json">'
            '{"base":"..","search":"../assets/javascripts/workers/search.1.min.js"}</script>')
    assert '"search":"../assets/lunxun/search.js"' in use_engine(page)


def test_jieba_learns_a_build_s_terms_and_only_those(pristine_jieba: None) -> None:
    import jieba

    from generator.engines.mkdocs.search.segmenter import teach_jieba

    teach_jieba(["坐诊出诊急诊会诊", "听辨劝借让和"])
    assert "听辨劝借让和" in jieba.lcut("六尺巷工作法讲究听辨劝借让和")
    teach_jieba(["六尺巷工作法"])  # the next build, another project: the old words are gone
    assert jieba.lcut("六尺巷工作法讲究听辨劝借让和")[0] == "六尺巷工作法"
    assert "听辨劝借让和" not in jieba.lcut("六尺巷工作法讲究听辨劝借让和")
    jieba.add_word("尺巷", 10**8)  # as Material adds a site's jieba_dict_user between builds
    teach_jieba(["听辨劝借让和"])
    assert "尺巷" in jieba.lcut("六尺巷工作法讲究听辨劝借让和")  # the trainer's word stays
    assert "听辨劝借让和" in jieba.lcut("六尺巷工作法讲究听辨劝借让和")
    teach_jieba([])
