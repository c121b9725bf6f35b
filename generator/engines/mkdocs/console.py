"""MkDocs' log on stderr, in Chinese: what `lunxun build` and `lunxun serve` print.

MkDocs and its live-reload server say what they do in English ("Serving on …", "Reloading
browsers"); trainers read Chinese. The lines lunxun's commands show are translated here;
anything else (a theme's or another plugin's warning) passes through as it is.
"""

from __future__ import annotations

import logging
import re
import sys

_TIME = r"(?P<time>\[\d\d:\d\d:\d\d\] )?"
TRANSLATIONS = [
    (re.compile(_TIME + r"Building documentation\.\.\.$"), "正在生成网站……"),
    (re.compile(_TIME + r"Documentation built in (?P<s>[\d.]+) seconds$"), "网站已生成，用时 {s} 秒"),
    (re.compile(_TIME + r"Watching paths for changes: (?P<paths>.*)$"),
     "保存这些文件和文件夹里的改动后自动重新生成：{paths}"),
    (re.compile(_TIME + r"Serving on (?P<url>\S+)( and opening it in a browser)?$"),
     "预览地址：{url}（按 Ctrl+C 停止）"),
    (re.compile(_TIME + r"Detected file changes$"), "发现文件改动"),
    (re.compile(_TIME + r"Reloading browsers$"), "已重新生成，打开的预览页面会自动刷新"),
    (re.compile(_TIME + r"An error happened during the rebuild\..*$", re.DOTALL),
     "重新生成失败：改正上面列出的问题并保存，会自动再试；在此之前预览页面保持原样"),
    (re.compile(_TIME + r"Shutting down\.\.\.$"), "预览已停止"),
]
# the live-reload server's note for every page a browser opens: noise for a trainer
UNSHOWN = re.compile(_TIME + r"Browser connected: ")
LEVELS = {logging.WARNING: "警告：", logging.ERROR: "错误：", logging.CRITICAL: "错误："}


def in_chinese(message: str) -> str:
    for pattern, text in TRANSLATIONS:
        match = pattern.match(message)
        if match:
            return (match.group("time") or "") + text.format(**match.groupdict())
    return message


def shown(record: logging.LogRecord) -> bool:
    return not UNSHOWN.match(record.getMessage())


class ChineseFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return LEVELS.get(record.levelno, "") + in_chinese(record.getMessage())


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now, not to the one present when it was made."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def show_mkdocs_log(level: int = logging.WARNING) -> None:
    """MkDocs' warnings (and, for serve, its progress) on stderr, once per process."""
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if getattr(handler, "_lunxun", False):
            handler.setLevel(level)
            return
    handler = _StderrHandler()
    handler.setFormatter(ChineseFormatter())
    handler.addFilter(shown)
    handler.setLevel(level)
    handler._lunxun = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
