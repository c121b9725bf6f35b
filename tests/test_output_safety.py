"""A build never deletes what lunxun did not make, and leaves a complete site at every instant.

Real `lunxun build` processes on copies of the sample project; trees are compared by hashing
every file before and after."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROJECTS

from generator.output import MARKER

LUNXUN = str(Path(sys.executable).parent / "lunxun")
pytestmark = pytest.mark.slow  # real builds: about three minutes in all, two of them the kill loop


def project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "home" / "project"
    shutil.copytree(PROJECTS / "sample", project)
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return project


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(project.parent)}
    return subprocess.run([LUNXUN, "build", *args], cwd=project, env=env, capture_output=True, text=True,
                          check=False, timeout=120)


@pytest.mark.parametrize("folder", [".", "..", "content", "quizzes", "docs", "~", "/", ".git", "content/methods"])
def test_an_output_folder_over_the_trainer_s_files_is_refused(tmp_path: Path, folder: str) -> None:
    project = project_copy(tmp_path)
    before = tree(tmp_path)
    target = str(project.parent) if folder == "~" else folder
    done = build(project, "-d", target)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "拒绝生成" in done.stderr and "Traceback" not in done.stderr
    assert tree(tmp_path) == before


def test_site_dir_in_mkdocs_yml_is_guarded_too(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site", "") + "\nsite_dir: quizzes\n",
                      encoding="utf-8")
    before = tree(tmp_path)
    done = build(project)
    assert done.returncode == 1 and "拒绝生成" in done.stderr
    assert tree(tmp_path) == before


def test_a_folder_lunxun_did_not_make_is_replaced_only_with_force(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    mine = project / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("培训者自己的文件", encoding="utf-8")
    done = build(project, "-d", "mine")
    assert done.returncode == 1 and "--force" in done.stderr
    assert (mine / "notes.txt").is_file()
    done = build(project, "-d", "mine", "--force")
    assert done.returncode == 0, done.stderr
    assert not (mine / "notes.txt").exists() and (mine / MARKER).is_file()


def test_a_site_built_before_the_marker_existed_is_still_replaced(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    old = project / "site"
    (old / "assets").mkdir(parents=True)
    for name in ("index.html", "sitemap.xml"):
        (old / name).write_text("old", encoding="utf-8")
    done = build(project)
    assert done.returncode == 0, done.stderr
    assert (old / MARKER).is_file() and (old / "index.html").read_text(encoding="utf-8") != "old"


def test_a_symlinked_site_keeps_its_link_and_every_build_updates_the_web_root(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    web_root = tmp_path / "www" / "html"
    web_root.mkdir(parents=True)
    (project / "site").symlink_to(web_root)
    for round_ in range(2):
        done = build(project)
        assert done.returncode == 0, (round_, done.stderr)
        assert (project / "site").is_symlink() and os.path.realpath(project / "site") == str(web_root)
        assert (web_root / "index.html").is_file() and (web_root / MARKER).is_file()
    assert sorted(p.name for p in web_root.parent.iterdir()) == ["html"]  # nothing left beside it


def test_killed_builds_never_leave_a_broken_site_and_their_leftovers_are_cleared(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    assert build(project).returncode == 0
    site = project / "site"
    started = time.monotonic()
    assert build(project).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(7)
    env = {**os.environ, "HOME": str(project.parent)}
    for _ in range(20):
        process = subprocess.Popen([LUNXUN, "build"], cwd=project, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # at every instant a complete site: the marker comes last, after every page
        assert (site / MARKER).is_file() and (site / "index.html").is_file()
    assert build(project).returncode == 0
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert leftovers == []
    assert (site / "index.html").is_file()


def test_a_folder_that_looks_like_staging_but_is_not_named_so_is_kept(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    kept = [project / ".site.building-mine", project / ".site.backup"]
    for folder in kept:
        folder.mkdir()
        (folder / "x.txt").write_text("x", encoding="utf-8")
    assert build(project).returncode == 0
    assert all((folder / "x.txt").is_file() for folder in kept)


def test_a_symlink_in_docs_to_a_file_outside_the_project_is_not_published(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    secret = tmp_path / "private.md"
    secret.write_text("# 名单\n\n张三 身份证号 430000\n", encoding="utf-8")
    (project / "docs" / "leak.md").symlink_to(secret)
    done = build(project)
    assert done.returncode == 1
    assert "leak.md: 是指向项目之外" in done.stderr and "Traceback" not in done.stderr
    assert not (project / "site").exists() or "430000" not in "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (project / "site").rglob("*.html"))
