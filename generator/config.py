"""Options of the lunxun MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LunxunConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    """Folder (relative to mkdocs.yml) with sources.yaml, methods/ and curricula/."""

    quizzes_dir = c.Type(str, default="quizzes")
    """Folder (relative to mkdocs.yml) with the question banks."""

    nav = c.Type(bool, default=True)
    """Generate the navigation when mkdocs.yml has no `nav`."""
