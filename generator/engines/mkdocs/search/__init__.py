"""Search in a Material for MkDocs build: Material's indexer in a second process, jieba taught
the site's own terms (``segmenter``, ``index``, ``worker``). The engine behind the search box
and the offline pieces are theme-level and live in ``generator.engines.theme``."""

from __future__ import annotations

from typing import Any

SEARCH_PLUGINS = ("material/search", "search")


def has_search(config: Any) -> bool:
    """Whether the build runs Material's search plugin (which writes the index we read)."""
    return any(name in config.plugins for name in SEARCH_PLUGINS)


def material_search(config: Any) -> Any:
    """Material's search plugin of this build, or None (MkDocs' own search has no jieba)."""
    from material.plugins.search.plugin import SearchPlugin

    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin
    return None
