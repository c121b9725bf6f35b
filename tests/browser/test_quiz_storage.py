"""Corrupt values in the browser's storage (issue 11, items 13 and 16), on the built quiz pages:
the quiz never throws, never locks a trainee out, never loses an attempt, keeps a copy of what
was broken; the 错题本 shows no image from another host, however its address is disguised."""

from __future__ import annotations

import json

import pytest
from test_quiz_support import quizlab_url, regraded, result_code, start_exam, storage

PREFIX = "lunxun:v1:"


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> str:
    return quizlab_url(tmp_path_factory, serve)


def put(page, site: str, entries: dict[str, str]) -> list[str]:
    """Store raw texts on the site's origin, then collect the page errors from here on."""
    page.goto(site)
    page.evaluate("([p, e]) => Object.entries(e).forEach(([k, v]) => localStorage.setItem(p + k, v))",
                  [PREFIX, entries])
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def set_aside(page) -> dict[str, str]:
    return page.evaluate("""p => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith(p + 'broken:')).map(k => [k.slice(p.length), localStorage.getItem(k)]))""", PREFIX)


@pytest.mark.parametrize("text", ["{}", "null", '"abc"', "[1, 2, 3]", "not json"])
def test_a_broken_history_neither_locks_out_nor_loses_the_attempt(page, site: str, text: str) -> None:
    errors = put(page, site, {"history:yici": text})
    page.goto(site + "quizzes/yici/")
    assert page.get_by_role("heading", name="考前登记").is_visible()  # not 作答次数已用完
    assert "本机还可作答 1 次（共 1 次）" in page.locator(".lx-panel").text_content()
    start_exam(page)
    page.get_by_role("radio", name="正确").check()
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()
    code = regraded(page)
    assert code.bank == "yici" and code.score == 100
    history = storage(page, "history:yici")
    assert [entry["code"] for entry in history] == [result_code(page)]
    assert list(set_aside(page).values()) == [text]
    assert page.get_by_text("本机作答记录").is_visible()
    page.reload()
    assert page.get_by_role("heading", name="作答次数已用完").is_visible()  # the one attempt counts
    assert not errors


def test_a_broken_attempt_starts_afresh_and_a_damaged_one_resumes(page, site: str) -> None:
    errors = put(page, site, {"attempt:kaoshi": '{"version": 1, "order": "x"}'})
    page.goto(site + "quizzes/kaoshi/")
    bank_version = json.loads(page.locator("script.lx-bank-data").text_content())["version"]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [PREFIX + "attempt:kaoshi", json.dumps({"version": bank_version, "order": "x"})])
    page.reload()
    assert page.get_by_role("heading", name="考前登记").is_visible()
    assert storage(page, "attempt:kaoshi") is None
    start_exam(page)
    attempt = storage(page, "attempt:kaoshi")
    attempt.update(answers={attempt["order"][0]: {"junk": True}}, flags="all", current=42)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [PREFIX + "attempt:kaoshi", json.dumps(attempt)])
    page.reload()
    assert page.get_by_text("已恢复上次未完成的作答。").is_visible()
    assert page.locator(".lx-main h2").first.text_content().startswith("第 1 题")
    resumed = storage(page, "attempt:kaoshi")
    kept = (resumed["seed"], resumed["order"], resumed["answers"], resumed["flags"])
    assert kept == (attempt["seed"], attempt["order"], {}, [])
    assert len(set_aside(page)) == 2
    assert not errors


@pytest.mark.parametrize("text",
                         ['"x"', "null", "[]", "{", '{"b/q": 5, "b/r": {"bank": "b", "question": {"type": "evil"}}}'])
def test_a_broken_wrong_book_reads_as_empty(page, site: str, text: str) -> None:
    errors = put(page, site, {"wrong": text})
    page.goto(site + "quizzes/cuotiben/")
    assert page.get_by_text("错题本是空的").is_visible()
    assert list(set_aside(page).values()) == [text]
    assert not errors


def test_the_wrong_book_shows_no_image_from_another_host(page, site: str) -> None:
    tricks = ["/\\evil.example/a.png", "\\\\evil.example/b.png", "/\t/evil.example/c.png", " //evil.example/d.png",
              "https://evil.example/e.png"]
    stem = ("".join(f'<img src="{src}" alt="{k}">' for k, src in enumerate(tricks))
            + '<img src="../../x.png" alt="local">')
    entry = {"bank": "b", "bankTitle": "练习", "streak": 0, "added": 1, "refHref": None,
             "question": {"id": "q", "type": "judge", "stem": stem, "answer": True, "points": 1}}
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors = put(page, site, {"wrong": json.dumps({"b/q": entry})})
    page.goto(site + "quizzes/cuotiben/")
    images = page.locator(".lx-wcard img")
    assert images.count() == len(tricks) + 1
    assert [images.nth(k).get_attribute("src") for k in range(len(tricks))] == [None] * len(tricks)
    assert images.nth(len(tricks)).get_attribute("src") == "../../x.png"
    assert not [url for url in requests if "evil.example" in url]
    assert not errors
