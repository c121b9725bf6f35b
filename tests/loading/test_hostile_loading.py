"""Hostile trainer input read by the real CLI: never a crash, a stall, a misreading or a file
written. A run that could crash, stall or exhaust memory is a child process with a 10 s timeout
and 500 MB of address space, so a segmentation fault, a hang or a runaway allocation fails the
test instead of the machine; input that can only be refused with a message runs in this process."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from paths import TESTS
from results_support import code

from generator.cli import main
from generator.loading.project import load_project

SAMPLE = TESTS / "projects" / "sample"
LUNXUN = Path(sys.executable).parent / "lunxun"
MEMORY = 500 * 1024 * 1024
DEEP = "title: 很深\nquestions: " + "[" * 30_000 + "]" * 30_000 + "\n"
DEEP_BLOCK = "title: 很深\nquestions:\n" + "- " * 30_000 + "x\n"


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def lunxun(*args: str, cwd: Path, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LUNXUN), *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=10,
        preexec_fn=_bounded, stdin=stdin if stdin is not None else subprocess.DEVNULL,
    )


def lunxun_here(*args: str, cwd: Path, capsys: pytest.CaptureFixture[str],
                monkeypatch: pytest.MonkeyPatch) -> subprocess.CompletedProcess[str]:
    """The same command run in this process: for input that cannot crash or stall it (cheaper)."""
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out.out, out.err)


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 1 (not a signal: a segfault is -11), a Chinese message with every word, no traceback."""
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr, done.stderr[-2000:]
    for word in words:
        assert word in done.stderr, done.stderr[-2000:]


def listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.lstat().st_size) for p in folder.rglob("*"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(SAMPLE, root)
    return root


def test_the_limits_leave_a_good_project_alone(project: Path) -> None:
    done = lunxun("check", "--root", ".", cwd=project)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("text", [DEEP, DEEP_BLOCK], ids=["flow", "block"])
def test_thirty_thousand_levels_are_refused_by_check_and_build(project: Path, text: str) -> None:
    (project / "quizzes" / "deep.yaml").write_text(text, encoding="utf-8")
    before = listing(project)
    refused(lunxun("check", "--root", ".", cwd=project), "quizzes/deep.yaml:", "嵌套层数过深")
    refused(lunxun("build", "-d", str(project.parent / "site"), cwd=project), "quizzes/deep.yaml:", "嵌套层数过深")
    assert listing(project) == before and not (project.parent / "site").exists()


def test_thirty_thousand_levels_are_refused_by_results(project: Path) -> None:
    (project / "quizzes" / "deep.yaml").write_text(DEEP, encoding="utf-8")
    (project / "codes.txt").write_text(f"王一：{code('王一')}\n", encoding="utf-8")  # the bank that reads
    done = lunxun("results", "codes.txt", "-o", "out", cwd=project)
    # results grades with the banks it can read and says the project has problems
    assert done.returncode == 0 and "Traceback" not in done.stderr, (done.returncode, done.stderr[-2000:])
    assert "项目内容检查未通过" in done.stderr


def test_a_fifo_named_yaml_does_not_stall_check(project: Path) -> None:
    os.mkfifo(project / "quizzes" / "pipe.yaml")
    refused(lunxun("check", "--root", ".", cwd=project), "quizzes/pipe.yaml:1:1:", "不是普通文件")


def test_a_link_to_dev_zero_is_not_read(project: Path) -> None:
    (project / "content" / "methods" / "zero.yaml").symlink_to("/dev/zero")
    refused(lunxun("check", "--root", ".", cwd=project), "content/methods/zero.yaml:1:1:")


@pytest.mark.parametrize("source", ["/dev/zero", "pipe.txt", "zero-link.txt", "big.txt"])
def test_results_reads_only_bounded_regular_files(project: Path, source: str) -> None:
    os.mkfifo(project / "pipe.txt")
    (project / "zero-link.txt").symlink_to("/dev/zero")
    with (project / "big.txt").open("wb") as big:
        big.truncate(40 * 1024 * 1024)  # sparse: 40 MB of zeros without the disk space
    done = lunxun("results", source, "-o", "out", cwd=project)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "已跳过" in done.stderr + done.stdout
    assert not (project / "out").exists()


def test_results_bounds_standard_input(project: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        done = lunxun("results", "-", "-o", "out", cwd=project, stdin=zero.fileno())
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "标准输入" in done.stderr + done.stdout and not (project / "out").exists()


def test_a_link_out_of_the_project_is_refused(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    private = tmp_path / "private.yaml"
    private.write_text("title: 私人笔记\n", encoding="utf-8")
    (project / "content" / "methods" / "private.yaml").symlink_to(private)
    (project / "quizzes" / "private.yaml").symlink_to(private)
    done = lunxun_here("check", "--root", ".", cwd=project, capsys=capsys, monkeypatch=monkeypatch)
    refused(done, "content/methods/private.yaml:1:1:", "quizzes/private.yaml:1:1:", "项目之外")
    assert "私人笔记" not in done.stderr


def test_a_link_inside_the_project_is_followed(project: Path, capsys, monkeypatch) -> None:
    method = project / "content" / "methods" / "tingqing.yaml"
    shared = project / "shared"
    shared.mkdir()
    method.rename(shared / "tingqing.yaml")
    method.symlink_to(Path("..", "..", "shared", "tingqing.yaml"))
    assert lunxun_here("check", "--root", ".", cwd=project, capsys=capsys, monkeypatch=monkeypatch).returncode == 0


GBK = "site_name: 基层治理培训\nplugins:\n  - lunxun\n".encode("gbk")
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


COMMANDS = pytest.mark.parametrize("command", [
    ["check", "--root", "."], ["build", "-d", "../site"], ["results", "codes.txt", "-o", "out"],
    ["new", "method", "xin-fangfa", "--root", "."], ["export", "tingqing-lianxi", "--format", "gift", "-o", "out.gift"],
], ids=["check", "build", "results", "new", "export"])


@COMMANDS
def test_mkdocs_yml_in_gbk(project: Path, command: list[str]) -> None:
    """Each command in a child process of its own, as a trainer runs it."""
    mkdocs_yml_is_refused(project, GBK, lambda: lunxun(*command, cwd=project))


@COMMANDS
def test_mkdocs_yml_that_is_binary(project: Path, command: list[str], capsys, monkeypatch) -> None:
    mkdocs_yml_is_refused(project, BINARY, lambda: lunxun_here(*command, cwd=project, capsys=capsys,
                                                                monkeypatch=monkeypatch))


def mkdocs_yml_is_refused(project: Path, raw: bytes, run: Callable[[], subprocess.CompletedProcess[str]]) -> None:
    (project / "mkdocs.yml").write_bytes(raw)
    (project / "codes.txt").write_text("没有成绩码\n", encoding="utf-8")
    before = listing(project)
    done = run()
    refused(done, "mkdocs.yml: ")
    assert ("不是 UTF-8 编码" in done.stderr and "请另存为 UTF-8" in done.stderr) or "不是文本文件" in done.stderr
    assert listing(project) == before and not (project.parent / "site").exists()


def test_a_fifo_named_mkdocs_yml_does_not_stall(project: Path) -> None:
    (project / "mkdocs.yml").unlink()
    os.mkfifo(project / "mkdocs.yml")
    refused(lunxun("check", "--root", ".", cwd=project), "mkdocs.yml: ", "不是普通文件")
    refused(lunxun("build", "-d", "../site", cwd=project), "mkdocs.yml: ", "不是普通文件")


def test_text_stays_the_text_written(project: Path) -> None:
    """YAML 1.1 would read 8:30 as 510, 010 as 8 and yes/no/on/off as booleans."""
    bank = project / "quizzes" / "tingqing-lianxi.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("title:", "title: 8:30\nold_title:", 1).replace("\nold_title:", "\n#", 1),
                    encoding="utf-8")
    (project / "quizzes" / "words.yaml").write_text(
        "title: 010\nquestions:\n"
        "  - {id: q1, type: single, stem: 0x10, options: [yes, no, on, off], answer: A, tags: [1.50, 2026-09-01]}\n"
        "  - {id: q2, type: judge, stem: 8:30, answer: true, points: 0o10}\n",
        encoding="utf-8",
    )
    loaded, problems = load_project(project)
    assert problems == []
    assert loaded.quizzes["tingqing-lianxi"].model.title == "8:30"
    words = loaded.quizzes["words"].model
    assert words.title == "010"
    first, second = words.questions
    assert first.stem == "0x10" and first.options == ["yes", "no", "on", "off"]
    assert first.tags == ["1.50", "2026-09-01"]
    assert second.stem == "8:30" and second.answer is True and second.points == 8


def test_numbers_and_dates_still_read_as_numbers_and_dates(project: Path) -> None:
    loaded, problems = load_project(project)
    assert problems == []
    programme = next(iter(loaded.programmes.values())).model
    assert isinstance(programme.hours, float) and type(programme.hours) is float
    assert all(type(c.start).__name__ == "date" for c in programme.cohorts)
