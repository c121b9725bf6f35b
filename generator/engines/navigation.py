"""What every engine adds to a site's configuration: Markdown extensions and the menu of
hand-written pages. Engine-neutral (no MkDocs import): the MkDocs plugin and the Zensical
adapter both use it."""

from __future__ import annotations

import re
from pathlib import Path as FsPath
from typing import Any

from ..render import RenderedSite

# the generated pages use attribute lists, Markdown inside HTML blocks and tables; Chinese
# broken across lines of a hand-written page is joined without the space Markdown would put
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "generator.render.cjk_lines")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def folder_title(docs_dir: FsPath, folder: str) -> str:
    """A folder's menu title: the first heading of its index.md (the guide's is 培训者指南)."""
    try:
        text = (docs_dir / folder / "index.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return folder
    match = _HEADING.search(text)
    return match.group(1) if match else folder


def handwritten_nav(pages: list[str], rendered: RenderedSite, docs_dir: FsPath) -> list[Any]:
    """Hand-written pages not already in the generated navigation, grouped by folder."""
    groups: dict[str, list[str]] = {}
    top: list[Any] = []
    for page in sorted(pages):
        if page in rendered.pages:
            continue
        folder, _, _ = page.rpartition("/")
        if folder:
            groups.setdefault(folder.split("/")[0], []).append(page)
        else:
            top.append(page)
    for folder, items in groups.items():
        index = f"{folder}/index.md"
        ordered = ([index] if index in items else []) + [p for p in items if p != index]
        top.append({folder_title(docs_dir, folder): ordered})
    return top
