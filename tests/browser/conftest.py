"""Browser fixtures shared by tests/browser/ (the session's Chromium is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def phone(browser) -> Iterator:
    """A 360×740 touch page that records every request (``requests_seen``) and script error
    (``errors_seen``; a test clears the ones it expects); any error left fails the test.
    Test modules that need another kind of phone define their own ``phone``."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", has_touch=True)
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.errors_seen = []
    page.on("pageerror", lambda error: page.errors_seen.append(str(error)))
    yield page
    assert page.errors_seen == []
    context.close()
