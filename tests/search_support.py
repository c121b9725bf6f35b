"""The search queries both the tests and benchmarks/search_quality.py check (search_queries.yaml),
and answering a question on a practice page. The search box itself is driven by support/search_box.py."""

from __future__ import annotations

from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def answer_one_choice(page) -> None:
    """On a practice quiz page, answer the first question that has options and see feedback."""
    quiz = page.locator(".lx-quiz").first
    quiz.locator("input, button").first.wait_for()
    for _ in range(20):  # shuffled: page on to the first question with options
        options = quiz.locator(".lx-opts input")
        if options.count():
            break
        quiz.get_by_role("button", name="下一题").click()
    options.first.check()
    quiz.get_by_role("button", name="确定").click()
    page.wait_for_function(
        "() => /回答正确|回答错误/.test(document.querySelector('.lx-quiz').innerText)", timeout=5000
    )
