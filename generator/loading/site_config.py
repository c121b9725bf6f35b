"""mkdocs.yml read as plain data, without running MkDocs, to find the plugin's folders."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import yaml

from ..problems import CommandError
from .files import Unreadable, read_regular
from .project import Layout

MAX_CONFIG_BYTES = 1024 * 1024


class SiteConfigError(CommandError):
    """mkdocs.yml cannot be read as text: say so in Chinese instead of a traceback."""


class _Tolerant(yaml.SafeLoader):
    """Drops tags such as !!python/name instead of running them."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def config_text(config_file: FsPath) -> str:
    """The text of mkdocs.yml; SiteConfigError when it is not a UTF-8 text file (Notepad's
    "ANSI" saves GBK) or not a regular file. FileNotFoundError when it is missing."""
    if not config_file.exists():
        raise FileNotFoundError(config_file)
    try:
        raw = read_regular(config_file, MAX_CONFIG_BYTES)
    except Unreadable as error:
        raise SiteConfigError(f"{config_file}: {error.reason}") from None
    if b"\x00" in raw:
        raise SiteConfigError(f"{config_file}: 不是文本文件（含有二进制内容），请以 UTF-8 文本保存")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SiteConfigError(
            f"{config_file}: 不是 UTF-8 编码（第 {line} 行起），可能是记事本以 ANSI（GBK）保存的，请另存为 UTF-8"
        ) from None


def read_site_config(config_file: FsPath) -> dict[str, Any]:
    """mkdocs.yml as a dict; raises OSError or yaml.YAMLError when it cannot be read,
    SiteConfigError when it is not UTF-8 text."""
    try:
        data = yaml.load(config_text(config_file), Loader=_Tolerant) or {}
    except RecursionError:  # nested thousands of levels deep: not a configuration
        raise yaml.YAMLError("嵌套层数过深") from None
    return data if isinstance(data, dict) else {}


def layout_of(config: dict[str, Any]) -> Layout:
    """The content and quiz folders the lunxun plugin is configured with (defaults otherwise)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("lunxun"), dict):
            options = plugin["lunxun"]
            return Layout(
                content_dir=str(options.get("content_dir", "content")),
                quizzes_dir=str(options.get("quizzes_dir", "quizzes")),
            )
    return Layout()


def organizer_of(config: dict[str, Any]) -> str | None:
    """The lunxun plugin's `organizer` option (the issuer named on certificates), or None.
    SiteConfigError when it is not text: a number or a list there is a typing slip to point at."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("lunxun"), dict):
            value = plugin["lunxun"].get("organizer")
            if value is not None and not isinstance(value, str):
                raise SiteConfigError("mkdocs.yml: plugins → lunxun → organizer: "
                                      f"应为文字（主办单位名称，印在合格证明上），现在是 {value!r}")
            return (value or "").strip() or None
    return None


def layout_from(config_file: FsPath) -> Layout:
    """The folders of the project whose mkdocs.yml this is; defaults when it is missing or
    its YAML is broken (MkDocs reports that when building). SiteConfigError when it is not
    UTF-8 text: every command would misread it."""
    try:
        return layout_of(read_site_config(config_file))
    except (OSError, yaml.YAMLError):
        return Layout()
