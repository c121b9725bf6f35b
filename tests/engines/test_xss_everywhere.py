"""Hostile text in every field of every kind of file stays text on every page, in Chromium.

For each classic payload a project is generated with the payload in every text field (see
``xss_support``), built, and every page is visited — quizzes are started and finished so
their stems, options, answers and explanations are on screen, the wrong-answer book and
daily practice are filled, the search box is used. On each page: no dialog, no request to
another host, no script, event handler, frame or ``javascript:`` link from the payload in
the DOM, and the payload around each marker reads as text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from paths import TESTS
from search_box import open_search
from xss_support import PAYLOADS, RENDERED, hostile_project, text_fields

from generator.engines.mkdocs.build import build_site

SAMPLE = TESTS / "projects" / "sample"

MARKER = re.compile(r"甲\d{3}乙")

# Fields no page shows: question tags only steer a blueprint's draw.
# tags are search words; a source's file name is an internal note trainees are not shown
NOT_SHOWN = {f"quiz.{kind}.tags" for kind in ("Single", "Multiple", "Judge", "Blank", "Order", "Match", "Case")} | {
    "source.Source.file"}

# Everything on the page that the payloads could have planted, found in the live DOM.
PLANTED = r"""() => {
  const found = [];
  const where = el => el.tagName.toLowerCase()
    + (el.className && el.className.baseVal === undefined ? '.' + el.className : '');
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(where(el) + ' [' + a.name + ']');
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed')) found.push(where(el));
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (/^\s*javascript:/i.test(a.getAttribute('href')) || a.protocol === 'javascript:') found.push('javascript: link');
  }
  for (const s of document.querySelectorAll('script')) {
    const data = /json/.test(s.type);
    if (!data && /alert\(/.test(s.textContent)) found.push('inline script from the payload');
    if (s.src && new URL(s.src).host !== location.host) found.push('remote script ' + s.src);
  }
  for (const img of document.querySelectorAll('img[src]')) {
    const src = new URL(img.src);
    if (src.host !== location.host || /\/x$/.test(src.pathname)) found.push('image ' + img.src);
  }
  return found;
}"""


@pytest.fixture(scope="module", params=list(PAYLOADS))
def hostile(request, tmp_path_factory, serve):
    """(payload name, base URL, built site, marker → field) for one payload."""
    name = request.param
    project = tmp_path_factory.mktemp(f"xss-{name}")
    texts = hostile_project(project, PAYLOADS[name], SAMPLE)
    site = build_site(project / "mkdocs.yml", site_dir=str(project / "site"), strict=False)
    return name, serve(site), site, texts.fields


def test_every_text_field_is_filled(tmp_path: Path) -> None:
    texts = hostile_project(tmp_path, PAYLOADS["script"], SAMPLE)
    assert set(texts.fields.values()) == set(text_fields())


def _misread(text: str, name: str, fields: dict[str, str]) -> list[str]:
    """Markers whose payload does not read as text on both sides: as written, or in a Markdown
    field as Markdown renders it."""
    markdown = text_fields()
    wrong = []
    for found in MARKER.finditer(text):
        payload = " ".join(PAYLOADS[name].split())
        forms = [payload, *RENDERED.get(name, [])] if markdown[fields[found.group()]] else [payload]
        before = " ".join(text[max(0, found.start() - 200): found.start()].split())
        after = " ".join(text[found.end(): found.end() + 200].split())
        if not (any(before.endswith(f) for f in forms) and any(after.startswith(f) for f in forms)):
            wrong.append(f"{found.group()}: …{before[-40:]}|{after[:40]}…")
    return wrong


def _pages(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)).replace(".", "") + "/" for p in site.rglob("index.html"))


def _drive(page, path: str) -> None:
    """Bring a page's JavaScript-made content on screen: finish quizzes, fill the wrong-answer book."""
    if path == "quizzes/lian/" or path == "quizzes/meiri/":
        page.get_by_role("button", name="结束练习").click()
        page.get_by_role("button", name="结束并评分").click()
        page.locator(".lx-result").wait_for()
    elif path == "quizzes/kao/":
        page.get_by_label("姓名").fill("张三")
        page.get_by_label("单位（乡镇、村或社区）").fill("某村")
        page.get_by_role("button", name="开始考试").click()
        page.get_by_role("button", name="交卷").last.click()
        page.get_by_role("button", name="确定交卷").click()
        page.locator(".lx-result").wait_for()
    elif path == "quizzes/cuotiben/":
        page.locator(".lx-wcard").first.wait_for()
        reveal = page.get_by_role("button", name="查看答案")
        while reveal.count():
            reveal.first.click()


def test_payload_stays_text_on_every_page(hostile, page) -> None:
    name, base, site, fields = hostile
    pages = _pages(site)
    # the exam records wrong answers, so the wrong-answer book comes after it
    pages.sort(key=lambda p: p == "quizzes/cuotiben/")
    shown: set[str] = set()
    problems: list[str] = []
    for path in pages:
        page.goto(base + path)
        page.wait_for_load_state("load")
        _drive(page, path)
        text = page.locator("body").inner_text()
        shown |= set(MARKER.findall(text))
        problems += [f"{path}: {p}" for p in page.evaluate(PLANTED)]
        problems += [f"{path}: {fields[m[:5]]} {m}" for m in _misread(text, name, fields)]
        if "title:" in text:  # front matter YAML could not read, shown as text instead
            problems.append(f"{path}: front matter on the page")
    open_search(page, base)
    page.locator("input.md-search__input").fill("甲")
    page.locator("input.md-search__input").press("End")
    page.locator(".md-search-result__item").first.wait_for()
    problems += [f"search: {p}" for p in page.evaluate(PLANTED)]
    assert not problems, "\n".join(problems)
    assert page.dialogs_seen == []
    assert [url for url in page.requests_seen if not url.startswith(base)] == []
    missing = {fields[m] for m in fields if m not in shown} - NOT_SHOWN
    assert missing == set()


def test_programme_title_with_a_line_break_builds(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    programme = project / "content" / "curricula" / "cun-ganbu.yaml"
    text = programme.read_text(encoding="utf-8")
    # a folded scalar, a common way to write a long title, keeps its final line break
    programme.write_text(text.replace("title: 村干部矛盾调解培训班\n", "title: >\n  村干部矛盾调解培训班\n", 1),
                         encoding="utf-8")
    site = build_site(project / "mkdocs.yml", site_dir=str(tmp_path / "site"), strict=True)
    assert "村干部矛盾调解培训班" in (site / "programmes" / "cun-ganbu" / "2026-01.ics").read_text(encoding="utf-8")
