"""The quiz engine only on the pages that run it.

MkDocs lists extra_javascript on every page, so each method page fetched and parsed the quiz
engine (the largest script lunxun ships) for nothing: on a weak connection that is the
difference between a method page drawn in two seconds and in four. A page keeps the engine
when it holds one of the engine's placeholders (a quiz, 每日一练, 错题本); a hand-written page
that embeds a quiz keeps it the same way.

Not with Material's instant navigation: there the first page's scripts serve every later
page, so the engine must be on all of them.
"""

from __future__ import annotations

import re
from typing import Any

ENGINE = "quiz.js"
# the placeholders the engine starts on (assets/quiz/90-start.js)
_PLACEHOLDER = re.compile(r'class="lx-(?:quiz|daily|wrongbook)["\s]')
_ENGINE_TAG = re.compile(r'<script src="[^"]*assets/lunxun/' + re.escape(ENGINE) + r'(?:\?[^"]*)?"></script>\n?')


def instant_navigation(config: Any) -> bool:
    features = (config.theme.get("features") if hasattr(config, "theme") else None) or []
    return "navigation.instant" in features


def drop_unused_engine(html: str) -> str:
    """The page without the quiz engine's script tag when nothing on it uses the engine."""
    if _PLACEHOLDER.search(html):
        return html
    return _ENGINE_TAG.sub("", html, count=1)
