"""`lunxun serve` rebuilds only what an edit changed, and the result is the site a full build
makes. The rebuilds are MkDocs' dirty builds, driven here the way `serve` drives them; the
full builds run as `lunxun build` in their own process, as they would beside a real `serve`
(MkDocs shares one plugin instance among all builds of a process)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shipped_copy
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_build_trust import digest as _digest

from generator.output import MARKER


def digest(folder: Path) -> dict[str, str]:
    """What serve shows: a build's files less what `lunxun build` adds for publishing (the
    .gz copies for gzip_static and the marker of lunxun's own output)."""
    return {path: value for path, value in _digest(folder).items()
            if not path.endswith(".gz") and Path(path).name != MARKER}

METHOD = Path("content/methods/liuchixiang.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return shipped_copy(tmp_path)


class ServeSession:
    """One `serve` session: every build of it goes to the same folder, dirty."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site

    def config(self):
        return load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))

    def build(self) -> dict[str, int]:
        """Rebuild; returns each output file's modification time."""
        build(self.config(), dirty=True)
        return {str(p.relative_to(self.site)): p.stat().st_mtime_ns for p in self.site.rglob("*") if p.is_file()}


@pytest.fixture
def session(project: Path, tmp_path: Path) -> Iterator[ServeSession]:
    serving = ServeSession(project, tmp_path / "served")
    config = serving.config()
    config.plugins.on_startup(command="serve", dirty=True)
    yield serving
    config.plugins.on_shutdown()


def full_build(project: Path, site: Path) -> Path:
    lunxun = Path(sys.executable).parent / "lunxun"
    subprocess.run([str(lunxun), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   check=True, capture_output=True, timeout=300)
    return site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rebuild_after_edit(session: ServeSession, path: Path, old: str, new: str) -> tuple[set[str], int]:
    """Build, edit, rebuild: the HTML pages the rebuild wrote again, and how many there are."""
    before = session.build()
    edit(path, old, new)
    after = session.build()
    pages = {path for path in after if path.endswith(".html")}
    return {path for path in pages if before.get(path) != after[path]}, len(pages)


def test_an_edited_step_rebuilds_its_page_only_and_matches_a_full_build(
    session: ServeSession, project: Path, tmp_path: Path
) -> None:
    changed, pages = rebuild_after_edit(session, project / METHOD, "不抢话、不急于表态", "不抢话、不打断、不急于表态")
    assert "methods/liuchixiang/index.html" in changed
    assert "methods/sizhen-tiaojie/index.html" not in changed
    # the edited page, and the hand-written guide, whose titles MkDocs learns only by reading them
    assert len(changed) <= 12, sorted(changed)
    assert pages > 50
    assert digest(session.site) == digest(full_build(project, tmp_path / "full"))


def test_a_renamed_method_rebuilds_every_page_s_navigation(
    session: ServeSession, project: Path, tmp_path: Path
) -> None:
    changed, _ = rebuild_after_edit(session, project / METHOD, "title: 六尺巷工作法", "title: 六尺巷调解工作法")
    assert "methods/sizhen-tiaojie/index.html" in changed
    page = session.site / "methods" / "sizhen-tiaojie" / "index.html"
    assert "六尺巷调解工作法" in page.read_text(encoding="utf-8")
    assert digest(session.site) == digest(full_build(project, tmp_path / "full"))


def test_an_edited_guide_page_and_a_second_edit_stay_in_step_with_full_builds(
    session: ServeSession, project: Path, tmp_path: Path
) -> None:
    session.build()
    edit(project / "docs" / "guide" / "class.md", "# 组织一期培训", "# 组织一期集中轮训")
    session.build()
    assert digest(session.site) == digest(full_build(project, tmp_path / "full1"))
    edit(project / METHOD, "边听边记下", "一边听一边记下")
    session.build()
    assert digest(session.site) == digest(full_build(project, tmp_path / "full2"))
    index = (session.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "一边听一边记下" in index.replace("\u200b", "") and "组织一期集中轮训" in index.replace("\u200b", "")
