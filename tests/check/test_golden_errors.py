"""Every mistake a trainer can make, with the exact message `lunxun check` prints.

Each case is ``tests/data/invalid/<case>.yaml`` with ``<case>.expected``. The case's name
says where it goes in a copy of the sample project: ``method-*`` → content/methods/,
``quiz-*`` → quizzes/, ``programme-*`` → content/curricula/, ``sources-*`` replaces
content/sources.yaml. Regenerate an expected file by deleting it and running the test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import TESTS

from generator.cli import main

DATA = TESTS / "data" / "invalid"
SAMPLE = TESTS / "projects" / "sample"
CASES = sorted(path.stem for path in DATA.glob("*.yaml"))


def place(case: str, project: Path) -> None:
    source = DATA / f"{case}.yaml"
    kind = case.split("-", 1)[0]
    target = {
        "method": project / "content" / "methods" / f"{case}.yaml",
        "quiz": project / "quizzes" / f"{case}.yaml",
        "programme": project / "content" / "curricula" / f"{case}.yaml",
        "sources": project / "content" / "sources.yaml",
    }[kind]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


@pytest.mark.parametrize("case", CASES)
def test_mistake_is_reported_with_its_place(case: str, tmp_path: Path, capsys) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    place(case, project)
    code = main(["check", "--root", str(project)])
    captured = capsys.readouterr()
    expected_file = DATA / f"{case}.expected"
    if not expected_file.exists():
        expected_file.write_text(captured.err, encoding="utf-8")
        pytest.fail(f"wrote {expected_file.name}; review it and run again")
    assert code == 1
    assert captured.out == ""
    assert captured.err == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_build_writes_nothing_on_mistake(case: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    place(case, project)
    site = tmp_path / "site"
    assert main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]) == 1
    assert not site.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["project"]  # no staging folder left behind


def test_every_case_has_an_expected_message() -> None:
    assert CASES, "no golden cases found"
    orphans = [p.name for p in DATA.glob("*.expected") if not (DATA / f"{p.stem}.yaml").exists()]
    assert orphans == []


def _check_sample_with(tmp_path: Path, capsys, file: str, old: str, new: str) -> list[str]:
    """`lunxun check` of the sample with one edit; the problem lines it prints."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    target = project / file
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    return [line for line in capsys.readouterr().err.splitlines() if ".yaml:" in line]


def test_a_method_with_a_mistake_is_reported_once_not_again_by_every_reference(tmp_path: Path, capsys) -> None:
    # tingqing is named by a quiz bank, its questions, a programme and another method
    lines = _check_sample_with(tmp_path, capsys, "content/methods/tingqing.yaml", "id: ting\n", "id: ting ting\n")
    assert lines == [
        ("content/methods/tingqing.yaml:8:9: steps[0].id: “ting ting”不是合法的标识："
         "只能用小写英文字母、数字和连字符，且以字母或数字开头")
    ]


def test_an_unreadable_sources_file_is_reported_once(tmp_path: Path, capsys) -> None:
    lines = _check_sample_with(tmp_path, capsys, "content/sources.yaml", "- id: peixun-shouce", "- id: [peixun-shouce")
    assert len(lines) == 1 and lines[0].startswith("content/sources.yaml:"), lines


def test_a_misspelt_reference_to_a_broken_file_is_still_reported(tmp_path: Path, capsys) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    quiz = project / "quizzes" / "tingqing-lianxi.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("methods: [tingqing]", "methods: [tingqin]"),
                    encoding="utf-8")
    method = project / "content" / "methods" / "tingqing.yaml"
    method.write_text(method.read_text(encoding="utf-8").replace("id: ting\n", "id: ting ting\n"), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "quizzes/tingqing-lianxi.yaml:2:11: methods[0]: 引用了不存在的方法“tingqin”" in err
    assert "引用了不存在的方法“tingqing”" not in err
