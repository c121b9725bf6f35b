"""The quiz engine only on the pages that run it.

MkDocs lists extra_javascript on every page, so each method page fetched and parsed the quiz
engine (the largest script lunxun ships) for nothing: on a weak connection that is the
difference between a method page drawn in two seconds and in four. A page keeps the engine
when it holds one of the engine's placeholders (a quiz, 每日一练, 错题本); a hand-written page
that embeds a quiz keeps it the same way.

A page whose quizzes are all exams gets the engine without the 错题本 and 每日一练 pages
(quiz-exam.js, render/bundle.py): an exam page is opened for a sitting, on a phone, often on
a weak connection, while practice pages share one cached quiz.js with those two pages. A
hand-written placeholder without ``data-mode="exam"`` counts as practice.

Not with Material's instant navigation: there the first page's scripts serve every later
page, so the full engine must be on all of them.
"""

from __future__ import annotations

import re
from typing import Any

ENGINE = "quiz.js"
EXAM_ENGINE = "quiz-exam.js"
# the placeholders the engine starts on (assets/quiz/90-start.js), as whole opening tags
_PLACEHOLDER = re.compile(r'<[^<>]*\bclass="lx-(?:quiz|daily|wrongbook)["\s][^<>]*>')
_EXAM_QUIZ = re.compile(r'\bclass="lx-quiz["\s].*\bdata-mode="exam"')
_ENGINE_TAG = re.compile(r'(<script src="[^"]*assets/lunxun/)' + re.escape(ENGINE) + r'((?:\?[^"]*)?"></script>\n?)')
# the engine's style sheet: nothing else on a page uses its classes, and it holds up the page's first paint
_ENGINE_STYLE = re.compile(r'[ \t]*<link rel="stylesheet" href="[^"]*assets/lunxun/quiz\.css(?:\?[^"]*)?">\n?')


def instant_navigation(config: Any) -> bool:
    features = (config.theme.get("features") if hasattr(config, "theme") else None) or []
    return "navigation.instant" in features


def engine_for_page(html: str) -> str:
    """The page without the quiz engine's script and style sheet when nothing on it uses the engine, with
    the exam engine in its place when every placeholder on it is an exam's quiz."""
    placeholders = _PLACEHOLDER.findall(html)
    if not placeholders:
        return _ENGINE_STYLE.sub("", _ENGINE_TAG.sub("", html, count=1), count=1)
    if all(_EXAM_QUIZ.search(tag) for tag in placeholders):
        return _ENGINE_TAG.sub(lambda tag: tag[1] + EXAM_ENGINE + tag[2], html, count=1)
    return html
