"""What `lunxun serve` prints: MkDocs' lines in Chinese, the per-page-view line not at all."""

from __future__ import annotations

import logging

from generator.engines.mkdocs.console import ChineseFormatter, shown


def record(message: str) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.livereload", logging.INFO, __file__, 1, message, None, None)


def test_progress_lines_are_translated() -> None:
    assert ChineseFormatter().format(record("[10:00:01] Reloading browsers")) == (
        "[10:00:01] 已重新生成，打开的预览页面会自动刷新"
    )


def test_a_page_view_is_not_shown_but_warnings_are() -> None:
    assert not shown(record("[10:00:02] Browser connected: http://127.0.0.1:8000/methods/"))
    assert not shown(record("Browser connected: http://127.0.0.1:8000/"))
    assert shown(record("[10:00:03] Detected file changes"))
