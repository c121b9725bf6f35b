"""Helpers for the export/import/new/coverage tests (no tests here).

Each test copies tests/projects/sample into its tmp_path and runs the real CLI in it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.loading.load import load_file
from generator.model import QuizBank
from generator.model.quiz import Blank, Judge, Match, Multiple, Order, Single

SAMPLE = Path(__file__).resolve().parent / "projects" / "sample"
ROOT = Path(__file__).resolve().parent.parent


def copy_sample(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project, ignore=shutil.ignore_patterns("site", "__pycache__"))
    return project


def run(args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int,
                                                                                                                  str,
                                                                                                                  str]:
    """Run ``lunxun args`` in ``cwd``; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def read_bank(path: Path) -> QuizBank:
    """A bank file validated by the model, its id taken from the file name."""
    doc, problems = load_file(path, path.name)
    assert doc is not None and not problems, problems
    bank = QuizBank.model_validate(doc.data)
    return bank.model_copy(update={"id": path.stem})


def write_bank(project: Path, bank_id: str, text: str) -> Path:
    path = project / "quizzes" / f"{bank_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def expected(question):
    """A question's type and answer as the bank states it, to compare with what an export holds."""
    if isinstance(question, Single):
        return "single", question.answer
    if isinstance(question, Multiple):
        return "multiple", question.answer
    if isinstance(question, Judge):
        return "judge", question.answer
    if isinstance(question, Blank):
        return "blank", question.answer
    if isinstance(question, Order):
        return "order", question.items
    assert isinstance(question, Match)
    return "match", question.pairs
