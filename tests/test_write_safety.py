"""Every file lunxun writes is written whole or not at all, readable as the umask says, never
through a link, and never over a file lunxun did not write unless the trainer says --force.

Real file operations in tmp_path; the full disk and the read-only folder are real tmpfs
mounts where the sandbox allows mounting (skipped otherwise)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from results_support import code

from generator.cli import main
from generator.fs import WriteError, write_atomically
from generator.output import RESULTS_MARKER

SAMPLE = Path(__file__).parent / "projects" / "sample"
BANK = "tingqing-lianxi"


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("this sandbox cannot mount a tmpfs")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def results(folder: Path, monkeypatch, capsys, *extra: str, codes: int = 3) -> tuple[int, str]:
    """lunxun results in ``folder`` -o out, the codes read from beside ``folder`` (not on its disk)."""
    monkeypatch.chdir(folder)
    pasted = folder.parent / f"{folder.name}-codes.txt"
    pasted.write_text("\n".join(code(f"学员{i}", bank=BANK) for i in range(codes)), encoding="utf-8")
    status = main(["results", str(pasted), "-o", "out", "--root", str(SAMPLE), *extra])
    return status, capsys.readouterr().err


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a.txt", b"x")
        os.umask(0o002)
        write_atomically(tmp_path / "b.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o664
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no temporary left


def test_an_exported_package_is_readable_by_a_web_server(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    old = os.umask(0o022)
    try:
        assert main(["export", BANK, "--format", "scorm", "--root", str(SAMPLE), "-o", "p.zip"]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "p.zip").stat().st_mode & 0o777 == 0o644


def test_no_write_through_a_symlink_or_into_a_fifo(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("private", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(outside)
    os.mkfifo(tmp_path / "pipe")
    for name in ("link.txt", "pipe"):
        with pytest.raises(WriteError):
            write_atomically(tmp_path / name, b"new")
    assert outside.read_text(encoding="utf-8") == "private"


def test_results_over_a_symlinked_grade_sheet_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("someone else's", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "grades.csv").symlink_to(outside)
    status, err = results(tmp_path, monkeypatch, capsys)
    assert status == 1 and "符号链接" in err and "Traceback" not in err
    assert outside.read_text(encoding="utf-8") == "someone else's"
    assert (tmp_path / "out" / "grades.csv").is_symlink()


def test_results_keeps_a_folder_it_did_not_write_unless_forced(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "总结.docx").write_bytes(b"mine")
    status, err = results(tmp_path, monkeypatch, capsys)
    assert status == 1 and "--force" in err
    assert (tmp_path / "out" / "总结.docx").read_bytes() == b"mine"
    status, err = results(tmp_path, monkeypatch, capsys, "--force")
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["grades.xlsx", "grades.csv", "report.html", RESULTS_MARKER])
    # the next run replaces its own set without asking, and leaves nothing beside it
    assert results(tmp_path, monkeypatch, capsys)[0] == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_an_old_results_folder_is_accepted(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "out").mkdir()
    for name in ("grades.csv", "report.html"):
        (tmp_path / "out" / name).write_text("old", encoding="utf-8")
    status, err = results(tmp_path, monkeypatch, capsys)
    assert status == 0, err
    assert (tmp_path / "out" / RESULTS_MARKER).is_file()


def test_a_full_disk_keeps_the_old_set_whole(tmp_path: Path, monkeypatch, capsys) -> None:
    with tmpfs(tmp_path / "disk", "2m") as disk:
        assert results(disk, monkeypatch, capsys)[0] == 0
        before = tree(disk / "out")
        descriptor = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while True:  # fill the disk, then give back a few kilobytes
                os.write(descriptor, b"\1" * 4096)
        os.ftruncate(descriptor, os.fstat(descriptor).st_size - 24 * 1024)
        os.close(descriptor)
        status, err = results(disk, monkeypatch, capsys, codes=200)
        assert status == 1 and "磁盘空间不足" in err and "保持不变" in err, err
        assert "Traceback" not in err and "Exception ignored" not in err
        assert tree(disk / "out") == before
        assert not [p for p in disk.iterdir() if p.name.startswith(".out.")]


def test_a_read_only_folder_is_a_message(tmp_path: Path, monkeypatch, capsys) -> None:
    with tmpfs(tmp_path / "ro", "1m") as folder:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        (tmp_path / "codes.txt").write_text(code("张三", bank=BANK), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        status = main(["results", "codes.txt", "-o", str(folder / "out"), "--root", str(SAMPLE)])
        err = capsys.readouterr().err
        assert status == 1 and "没有写入权限" in err, err
        assert "Traceback" not in err and "Exception ignored" not in err
        for argv in (["schema", "-o", str(folder / "schemas")],
                     ["export", BANK, "--format", "gift", "--root", str(SAMPLE), "-o", str(folder / "b.gift")]):
            assert main(argv) == 1
            err = capsys.readouterr().err
            assert ("只读" in err or "没有写入权限" in err) and "Traceback" not in err, err


def test_a_very_long_id_is_a_message(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p"
    import shutil
    shutil.copytree(SAMPLE, project)
    assert main(["new", "quiz", "a" * 300, "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "标识太长" in err
    assert not list((project / "quizzes").glob("a*"))


def test_schema_keeps_a_file_it_did_not_write_unless_forced(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "schemas"
    assert main(["schema", "-o", str(folder)]) == 0
    assert main(["schema", "-o", str(folder)]) == 0  # its own files are rewritten without asking
    (folder / "quiz.schema.json").write_text('{"mine": true}', encoding="utf-8")
    capsys.readouterr()
    assert main(["schema", "-o", str(folder)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (folder / "quiz.schema.json").read_text(encoding="utf-8") == '{"mine": true}'
    assert main(["schema", "-o", str(folder), "--force"]) == 0
    assert "题库" in (folder / "quiz.schema.json").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_build_into_a_read_only_folder_is_a_message(tmp_path: Path) -> None:
    import shutil
    import sys

    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    with tmpfs(tmp_path / "ro", "1m") as folder:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        done = subprocess.run([str(Path(sys.executable).parent / "lunxun"), "build", "-d", str(folder / "site")],
                              cwd=project, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 1 and "没有写入权限" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("folder", [".", "content", "quizzes"])
def test_results_never_replace_the_project_even_with_force(tmp_path: Path, monkeypatch, capsys, folder: str) -> None:
    import shutil

    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    (tmp_path / "codes.txt").write_text(code("张三", bank=BANK), encoding="utf-8")
    before = tree(tmp_path)
    monkeypatch.chdir(project)
    status = main(["results", str(tmp_path / "codes.txt"), "-o", folder, "--root", ".", "--force"])
    err = capsys.readouterr().err
    assert status == 1 and "拒绝生成" in err, err
    assert tree(tmp_path) == before
