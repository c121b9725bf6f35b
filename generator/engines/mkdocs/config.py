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

    search = c.Type(bool, default=True)
    """Search Chinese with lunxun's engine behind the theme's search box (needs Material's
    search plugin); false leaves Material's own lunr search as it is."""

    offline = c.Type(bool, default=False)
    """Build a copy that works opened from file://: no directory URLs, the search index as
    a script and a local stand-in for the web worker (`lunxun build --offline` sets it)."""
