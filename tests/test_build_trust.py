"""Builds that can be trusted: atomic, reproducible, and clear about what went wrong."""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import main

SAMPLE = Path(__file__).parent / "projects" / "sample"


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(SAMPLE, target)
    return target


def build(project: Path, site: Path) -> int:
    return main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)])


def test_failed_build_leaves_the_previous_site_exactly_as_it_was(project: Path, tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    before = digest(site)
    bank = project / "quizzes" / "tingqing-lianxi.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: A", "answer: Z", 1), encoding="utf-8")
    assert build(project, site) == 1
    assert "questions[0].answer" in capsys.readouterr().err
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_full_disk_is_reported_and_the_old_site_survives(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    before = digest(site)

    def no_space(content: bytes, output_path: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", output_path)

    monkeypatch.setattr("mkdocs.commands.build.utils.write_file", no_space)
    assert build(project, site) == 1
    assert "磁盘空间不足，网站未生成，原有网站保持不变" in capsys.readouterr().err
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_two_builds_of_the_same_input_are_byte_identical(project: Path, tmp_path: Path) -> None:
    assert build(project, tmp_path / "one") == 0
    assert build(project, tmp_path / "two") == 0
    assert digest(tmp_path / "one") == digest(tmp_path / "two")


def test_missing_mkdocs_yml_is_a_message(tmp_path: Path, capsys) -> None:
    assert main(["build", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    assert "找不到 MkDocs 配置文件" in capsys.readouterr().err


def test_unknown_plugin_option_is_an_error_naming_it(project: Path, tmp_path: Path, capsys) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - lunxun", "  - lunxun:\n      contnet_dir: x"),
                      encoding="utf-8")
    assert build(project, tmp_path / "site") == 1
    err = capsys.readouterr().err
    assert "未知的 lunxun 插件选项“contnet_dir”" in err
    assert "配置有误，网站未生成" in err
    assert not (tmp_path / "site").exists()


def test_unreadable_file_is_a_problem_not_a_traceback(project: Path, capsys) -> None:
    (project / "quizzes" / "broken.yaml").mkdir()  # a folder where a file should be: reading fails
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quizzes/broken.yaml:1:1: 这是一个文件夹")


def test_bom_crlf_and_fullwidth_spaces(project: Path, capsys) -> None:
    method = project / "content" / "methods" / "tingqing.yaml"
    text = method.read_text(encoding="utf-8").replace("\n", "\r\n")
    method.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main(["check", "--root", str(project)]) == 0
    capsys.readouterr()
    method.write_text(text.replace("category:", "category\u3000:", 1), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/methods/tingqing.yaml:" in err and "category" in err


def test_built_site_is_readable_by_a_web_server(project: Path, tmp_path: Path) -> None:
    assert build(project, tmp_path / "site") == 0
    mode = (tmp_path / "site").stat().st_mode & 0o777
    assert mode & 0o055 == 0o055, oct(mode)  # group and others may read and enter it
