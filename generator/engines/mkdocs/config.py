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

    organizer = c.Optional(c.Type(str))
    """The body that runs the training (e.g. 县委组织部): named as the issuer on 测验合格证明 of
    banks that no programme with its own organizer claims. Unset: certificates name no issuer."""

    offline = c.Type(bool, default=False)
    """Build a copy that works opened from file://: no directory URLs, the search index as
    a script and a local stand-in for the web worker (`lunxun build --offline` sets it)."""
