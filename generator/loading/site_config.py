"""mkdocs.yml read as plain data, without running MkDocs, to find the plugin's folders."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import yaml

from .project import Layout


class _Tolerant(yaml.SafeLoader):
    """Drops tags such as !!python/name instead of running them."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_config(config_file: FsPath) -> dict[str, Any]:
    """mkdocs.yml as a dict; raises OSError or yaml.YAMLError when it cannot be read."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
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


def layout_from(config_file: FsPath) -> Layout:
    """The folders of the project whose mkdocs.yml this is; defaults when it is missing or broken."""
    try:
        return layout_of(read_site_config(config_file))
    except (OSError, yaml.YAMLError):
        return Layout()
