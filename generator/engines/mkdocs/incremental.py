"""Rebuild only what an edit changed, in the dirty builds `lunxun serve` runs.

In a dirty build MkDocs re-renders a page only when its file says it was modified. lunxun's
pages are made in memory on every build, so each is compared with the previous build's: a
page whose Markdown has not changed is not rendered again. Everything is rebuilt when
something every page shows may have changed: the navigation, mkdocs.yml, the set of
generated files, a page's front matter (its title is in every page's navigation) or a
hand-written page.

Hand-written pages are always re-rendered. MkDocs learns a page's title only by rendering
it; the pages a rebuild skips get the titles they had, for the navigation of those it renders.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FsPath
from typing import Any

from mkdocs.structure.files import File, Files

from .search.index import PageEntries


class GeneratedFile(File):
    """A file made in memory that knows whether it differs from the previous build's."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed

    @cached_property  # compared on this build, kept for the next
    def digest(self) -> str:
        return hashlib.sha256(self.content_bytes).hexdigest()


def _always_modified() -> bool:
    return True


@dataclass
class PreviousBuild:
    """What one build of a `lunxun serve` session made, for the next rebuild to compare with."""

    signature: str
    digests: dict[str, str]  # generated file → sha256 of its content
    titles: dict[str, str] = field(default_factory=dict)  # page file → its title
    search: PageEntries = field(default_factory=dict)


def signature(nav: Any, config_file: str | None, handwritten: list[File], generated: list[GeneratedFile]) -> str:
    """A digest of what every page shows besides its own content: the navigation, mkdocs.yml,
    the hand-written pages and the generated pages' front matter (their titles)."""
    digest = hashlib.sha256(json.dumps(nav, ensure_ascii=False, sort_keys=True, default=str).encode())
    for path in [config_file] + [f.abs_src_path for f in handwritten]:
        if path and FsPath(path).is_file():
            digest.update(path.encode() + b"\0" + FsPath(path).read_bytes())
    for file in generated:
        if file.is_documentation_page():
            digest.update(file.src_uri.encode() + b"\0" + _front_matter(file.content_string).encode())
    return digest.hexdigest()


def _front_matter(markdown: str) -> str:
    if not markdown.startswith("---\n"):
        return ""
    end = markdown.find("\n---", 4)
    return markdown[: max(end, 0)]


def mark_changes(files: Files, generated: list[GeneratedFile], previous: PreviousBuild | None, current: str) -> int:
    """Flag the generated files that differ from the previous build's, force every hand-written
    page to be rebuilt, and return how many pages this build will render."""
    same_frame = (
        previous is not None
        and previous.signature == current
        and set(previous.digests) == {f.src_uri for f in generated}
    )
    for file in generated:
        file.changed = not same_frame or previous.digests.get(file.src_uri) != file.digest  # type: ignore[union-attr]
    for page in files.documentation_pages():
        if not isinstance(page, GeneratedFile):
            page.is_modified = _always_modified  # type: ignore[method-assign]
    return sum(1 for file in files.documentation_pages() if file.is_modified())


def page_titles(files: Files) -> dict[str, str]:
    return {f.src_uri: f.page.title for f in files.documentation_pages() if f.page is not None and f.page.title}


def restore_titles(files: Files, previous: PreviousBuild) -> None:
    """Give the pages this rebuild skips the titles they had (MkDocs would show None)."""
    for file in files.documentation_pages():
        if file.page is not None and not file.is_modified() and file.src_uri in previous.titles:
            file.page.title = previous.titles[file.src_uri]
