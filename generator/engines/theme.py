"""lunxun's search behind the Material theme's search box (Material for MkDocs and Zensical share it).

Material's search box sends queries to a web worker whose address the theme writes into
each page's ``__config``; Material documents that worker as replaceable. This module puts
lunxun's engine (assets/search.js) in its place, keeps Material from fetching polyfills
from the internet, and, for copies opened from file://, writes the index as a script and
adds a shim that runs the engine on the page (browsers start no workers there). The same
shim, on every page, starts a search on pasted, spoken and IME input, which Material
(reading the box on keyup only) would not see, and loads the index and the engine only when
the search box is first used. For a first visit on a weak connection the theme's scripts are
deferred, Material's bundle waits for the reader's first use of the page, and the favicon is
written into the page.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any
from urllib.parse import quote

import rjsmin

from ..render import bundle

log = logging.getLogger("mkdocs.plugins.lunxun")

ASSET_DIR = "assets/lunxun"
ENGINE = "search.js"
SHIM = "search-shim.js"
POLYFILLS = "polyfills.js"

_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)
_THEME_WORKER = re.compile(r"assets/javascripts/workers/[^/]+\.js$")


def asset_names() -> list[str]:
    """The scripts this module adds to the site, under assets/lunxun/ (the same online and offline)."""
    return [ENGINE, POLYFILLS, SHIM]


def asset_bytes(name: str) -> bytes:
    return bundle.asset_bytes(name)


def add_polyfills(config: Any) -> None:
    """List our polyfills where Material loads its own: in <head>, before its bundle."""
    polyfills = config.extra.setdefault("polyfills", [])
    for name in (POLYFILLS, SHIM):
        url = f"{ASSET_DIR}/{name}"
        if url not in polyfills:
            polyfills.append(url)


_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def label_dialog(html: str) -> str:
    """Name Material's search dialog, which the theme leaves nameless (axe: aria-dialog-name)."""
    return html.replace(_DIALOG, _DIALOG[:-1] + ' aria-label="搜索">', 1)


# Material's bundle as its base template writes it, and lunxun's scripts that must run before it
_BUNDLE_TAG = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')
_PLAIN_SCRIPT = re.compile(r'<script src="([^"]*)"></script>')
_BEFORE_BUNDLE = re.compile(r'<script src="([^"]*' + re.escape(ASSET_DIR) + r'/(?:' + "|".join(
    re.escape(name) for name in (POLYFILLS, SHIM)) + r')(?:\?[^"]*)?)"></script>')


def defer_scripts(html: str) -> str:
    """Let a page draw before its scripts run: Material's bundle and every plain script after it
    (lunxun's, a site's extra_javascript that may use Material's ``document$``), and the polyfills
    and search shim before it, get ``defer``. Deferred scripts run in document order once the page
    is parsed and before DOMContentLoaded, where Material and lunxun's scripts start anyway; on a
    phone at 400 kbit/s the page no longer waits for 40 KB of scripts before it shows its text.
    A page without Material's bundle (another theme) is returned unchanged."""
    bundle = _BUNDLE_TAG.search(html)
    if not bundle:
        return html
    head = _BEFORE_BUNDLE.sub(r'<script src="\1" defer></script>', html[: bundle.start()])
    return head + _PLAIN_SCRIPT.sub(r'<script src="\1" defer></script>', html[bundle.start() :])


_DEFERRED_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)" defer></script>')
ON_FIRST_USE = "material-on-demand.js"


@lru_cache(maxsize=1)
def _on_first_use_script() -> str:
    return rjsmin.jsmin(asset_bytes(ON_FIRST_USE).decode("utf-8"))


def theme_on_first_use(html: str) -> str:
    """Material's deferred bundle (defer_scripts) replaced by a script of under 1 KB that loads it on the
    reader's first touch, key, scroll or focus (assets/material-on-demand.js says why): a page no longer
    starts the theme (80 ms of main-thread work here, several times that on a phone) before the reader
    does anything. Not for instant navigation, whose later pages the bundle draws. A page without the
    bundle is returned unchanged."""
    return _DEFERRED_BUNDLE.sub(
        lambda tag: f'<script data-src="{tag[1]}">{_on_first_use_script()}</script>', html, count=1
    )


# Material's own favicon, and what lunxun puts in its place: the header's logo (Material's default
# icon), light or dark to suit the browser's tabs
MATERIAL_FAVICON = "assets/images/favicon.png"
_LOGO_ICON = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'><style>path{fill:#37474f}"
    "@media(prefers-color-scheme:dark){path{fill:#eceff1}}</style>"
    "<path d='M12 8a3 3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0 0 0-3 3 3 3 0 0 0 3 3m0 3.54C9.64 9.35 6.5 8 3 8v11"
    "c3.5 0 6.64 1.35 9 3.54 2.36-2.19 5.5-3.54 9-3.54V8c-3.5 0-6.64 1.35-9 3.54'/></svg>"
)


def inline_favicon(config: Any) -> None:
    """A site that names no favicon of its own gets one written into each page (a data: URL of
    about 400 bytes) instead of Material's favicon.png: browsers fetch that file after the page
    has loaded, one more round trip (0.4 s on a weak connection) before a first visit is done."""
    if config.theme.get("favicon") in (None, MATERIAL_FAVICON):
        config.theme["favicon"] = "data:image/svg+xml," + quote(_LOGO_ICON, safe=" :/='(){};.,-")


def uses_material_offline(config: Any) -> bool:
    """Whether Material's own offline plugin is on (it is then an offline build too)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and getattr(plugin, "config", {}).get("enabled", True))


def drop_remote_polyfills(config: Any) -> None:
    """Remove polyfills listed from other hosts: Material's offline plugin adds iframe-worker
    from unpkg.com, which an intranet cannot reach; search-shim.js does its work locally."""
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [url for url in polyfills if "://" not in str(url)]


def use_engine(html: str) -> str:
    """Point a page's search box at lunxun's engine instead of Material's lunr worker.

    The worker's address is the ``search`` key of the JSON in ``<script id="__config">``,
    relative to the page; only its theme path is swapped, so the relative prefix stays.
    A page without that script (another theme, a redirect) is returned unchanged.
    """
    match = _CONFIG_SCRIPT.search(html)
    if not match:
        return html
    return html[: match.start(2)] + _engine_config(match.group(2)) + html[match.end(2) :]


@lru_cache(maxsize=64)  # pages at the same folder depth share one config text
def _engine_config(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return text
    worker = data.get("search") if isinstance(data, dict) else None
    if not isinstance(worker, str) or not _THEME_WORKER.search(worker):
        return text
    data["search"] = _THEME_WORKER.sub(f"{ASSET_DIR}/{ENGINE}", worker)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def finish_index(site_dir: str | FsPath, offline: bool) -> None:
    """Rewrite search_index.json as UTF-8 and, for file:// copies, also as a script.

    Material writes the index with every Chinese character escaped (\\uXXXX, six bytes
    instead of three); the same JSON in UTF-8 is about half the download. On file://
    Material reads the index from search/search_index.js (``var __index = …``) because
    pages opened from disk may not fetch files.
    """
    path = FsPath(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    if offline:
        script = (
            text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        )
        (path.parent / "search_index.js").write_text(f"var __index = {script};\n", encoding="utf-8")
