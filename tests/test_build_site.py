"""Whole builds: the shipped site and a trainer's sample project, checked in the HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.pipeline import load_checked

ROOT = Path(__file__).resolve().parent.parent


class _Collector(HTMLParser):
    """Ids, heading ids and links of a page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.step_ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
            if tag == "h3" and "lx-step-title" in (values.get("class") or ""):
                self.step_ids.append(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


@pytest.fixture(scope="module")
def shipped():
    return load_checked(ROOT)


def test_shipped_content_is_clean_and_complete(shipped) -> None:
    assert {"liuchixiang", "sizhen-tiaojie", "wuzhi-guanli"} <= set(shipped.methods)
    assert len(shipped.methods) >= 25
    # every source the content cites is one of the five source documents
    assert {entry.model.file for entry in shipped.sources.values()} <= {
        "000_12d88e290b4a48aa.txt", "001_977aa48a8b4d8045.txt", "002_16f5fd504e002778.txt",
        "003_7f0b9db5c8477dc0.txt", "004_c0df3c307e3eeb03.txt"}


def test_every_step_of_every_method_is_on_its_page_in_order(shipped, shipped_site: Path) -> None:
    for method_id, entry in shipped.methods.items():
        page = parse(shipped_site / "methods" / method_id / "index.html")
        assert page.step_ids == [step.id for step in entry.model.steps], method_id
        html = (shipped_site / "methods" / method_id / "index.html").read_text(encoding="utf-8")
        for step in entry.model.steps:
            assert f'href="#{step.id}"' in html, f"{method_id}: the overview links to step {step.id}"


def test_liuchixiang_page_shows_the_six_steps_and_both_results(shipped_site: Path) -> None:
    html = (shipped_site / "methods" / "liuchixiang" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<h3 class="lx-step-title" id="(\w+)">\d\. (.)', html)
    assert names == [("ting", "听"), ("bian", "辨"), ("quan", "劝"), ("jie", "借"), ("rang", "让"), ("he", "和")]
    assert "17" in html and "90%" in html


def test_wuzhi_guanli_shows_the_5_2_3_structure(shipped, shipped_site: Path) -> None:
    method = shipped.methods["wuzhi-guanli"].model
    assert [s.name for s in method.steps] == ["目标责任制", "公开承诺制", "绩效评估制", "表彰激励制", "过错追究制"]
    assert [len(s.items) for s in method.supports] == [2, 3]
    html = (shipped_site / "methods" / "wuzhi-guanli" / "index.html").read_text(encoding="utf-8")
    for support in method.supports:
        assert support.name in html
        for item in support.items:
            assert item.name in html


def test_unordered_methods_show_cards_and_ordered_ones_a_flow(shipped, shipped_site: Path) -> None:
    for method_id, entry in shipped.methods.items():
        html = (shipped_site / "methods" / method_id / "index.html").read_text(encoding="utf-8")
        if entry.model.ordered:
            assert 'class="lx-flow"' in html, method_id
        else:
            assert "lx-cards" in html, method_id


def test_methods_index_lists_every_method_by_category(shipped, shipped_site: Path) -> None:
    page = parse(shipped_site / "methods" / "index.html")
    linked = {link.strip("/").split("/")[0] for link in page.links if not link.startswith(("#", ".."))}
    assert set(shipped.methods) <= linked
    html = (shipped_site / "methods" / "index.html").read_text(encoding="utf-8")
    for entry in shipped.methods.values():
        assert entry.model.category in html


def test_sources_page_lists_documents_and_citing_methods(shipped, shipped_site: Path) -> None:
    page = parse(shipped_site / "sources" / "index.html")
    assert set(shipped.sources) <= set(page.ids)
    for method_id in shipped.methods:
        assert f"../methods/{method_id}/" in page.links


def test_every_internal_link_resolves(shipped_site: Path) -> None:
    broken = []
    for html_file in shipped_site.rglob("*.html"):
        if html_file.name == "404.html":  # served at any depth, so its links are root-absolute
            continue
        page = parse(html_file)
        for link in page.links:
            if re.match(r"^[a-z]+:", link) or link.startswith("#"):
                continue
            target, _, anchor = link.partition("#")
            resolved = (html_file.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{html_file.relative_to(shipped_site)} → {link}")
            elif anchor and resolved.suffix == ".html" and anchor not in parse(resolved).ids:
                broken.append(f"{html_file.relative_to(shipped_site)} → {link} (no anchor)")
    assert broken == []


def test_home_page_says_what_the_site_is_for(shipped_site: Path) -> None:
    html = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert "集中轮训" in html
    assert 'lang="zh"' in html


def test_pages_are_pruned_and_use_no_web_fonts(shipped_site: Path) -> None:
    html = (shipped_site / "methods" / "liuchixiang" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    # navigation.prune: a method page carries the other sections' top links, not their pages
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', html)
    assert "../../quizzes/" in nav
    assert [href for href in nav if re.fullmatch(r"\.\./\.\./(quizzes|programmes)/[^/]+/", href)] == []


def test_sample_project_builds_like_a_trainers_own(sample_site: Path) -> None:
    assert (sample_site / "methods" / "tingqing" / "index.html").exists()
    assert (sample_site / "quizzes" / "tingqing-lianxi" / "index.html").exists()
    about = (sample_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "县委组织部培训科" in about
    fenji = (sample_site / "methods" / "fenji" / "index.html").read_text(encoding="utf-8")
    assert "lx-cards" in fenji  # ordered: false
    tingqing = (sample_site / "methods" / "tingqing" / "index.html").read_text(encoding="utf-8")
    assert "../../quizzes/tingqing-lianxi/" in tingqing  # the method lists its bank
