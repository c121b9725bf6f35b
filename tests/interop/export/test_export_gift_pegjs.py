"""Every shipped bank's GIFT export read by gift-pegjs, a GIFT parser none of us wrote: it must
parse, and the answers it finds must be the YAML's."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from interop_support import ROOT, expected, read_bank

from generator.interop.common import items
from generator.interop.export.gift import export_gift
from generator.model import QuizBank
from generator.model.quiz import LETTERS

BANKS = sorted((ROOT / "quizzes").glob("*.yaml")) + sorted((ROOT / "tests/projects/sample/quizzes").glob("*.yaml"))


def pegjs(tools: Path, texts: list[str]) -> list[dict]:
    """gift-pegjs's reading of each text: {"parsed": questions} or {"error": message}."""
    done = subprocess.run(["node", str(tools / "gift-parse.cjs")], input=json.dumps(texts), capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def exported(npm_tools: Path) -> dict[Path, tuple[QuizBank, dict]]:
    """Every bank and gift-pegjs's reading of its GIFT export, read by one node process."""
    banks = [read_bank(bank_file) for bank_file in BANKS]
    readings = pegjs(npm_tools, [export_gift(bank, path.stem, {}) for bank, path in zip(banks, BANKS, strict=True)])
    return {path: (bank, reading) for path, bank, reading in zip(BANKS, banks, readings, strict=True)}


def answer_of(question: dict) -> tuple[str, object]:
    """What gift-pegjs says a question accepts, in the bank's terms."""
    kind = question["type"]
    if kind == "TF":
        return "judge", question["isTrue"]
    if kind == "Short":
        return "blank", [[choice["text"]["text"] for choice in question["choices"]]]
    if kind == "Matching":
        pairs = [[pair["subquestion"]["text"], pair["subanswer"]] for pair in question["matchPairs"]]
        if all(left == f"第{n}步" for n, (left, _) in enumerate(pairs, 1)):
            return "order", [right for _, right in pairs]
        return "match", pairs
    assert kind == "MC", kind
    choices = question["choices"]
    if any(choice["weight"] is not None for choice in choices):
        return "multiple", [LETTERS[i] for i, c in enumerate(choices) if c["weight"] > 0]
    return "single", next(LETTERS[i] for i, c in enumerate(choices) if c["isCorrect"])


def read_back(parsed: list[dict]) -> dict[str, tuple[str, object]]:
    """Question id → (type, answer); the parts <id>-1 … <id>-n of a several-blank question
    are put back together, gap by gap."""
    found: dict[str, tuple[str, object]] = {}
    for question in parsed:
        if question["type"] == "Category":
            continue
        kind, answer = answer_of(question)
        part = re.fullmatch(r"(.+)-(\d+)", question["title"])
        if kind == "blank" and part and part.group(1) in found and int(part.group(2)) > 1:
            found[part.group(1)][1].extend(answer)  # type: ignore[union-attr]
        elif kind == "blank" and part and part.group(2) == "1":
            found[part.group(1)] = (kind, answer)
        else:
            found[question["title"]] = (kind, answer)
    return found


@pytest.mark.parametrize("bank_file", BANKS, ids=lambda path: path.stem)
def test_gift_pegjs_reads_the_answers_of_the_yaml(exported, bank_file: Path) -> None:
    bank, reading = exported[bank_file]
    assert "error" not in reading, reading
    assert read_back(reading["parsed"]) == {item.question.id: expected(item.question) for item in items(bank)}


def test_no_answer_block_shows_in_a_question_text(exported) -> None:
    """Moodle shows text after the first answer block as it is: no stem may hold a second one."""
    for _, reading in exported.values():
        for question in reading.get("parsed", []):  # a text that does not parse fails the test above
            if question["type"] == "Short":
                assert "{" not in question["stem"]["text"] and "=" not in question["stem"]["text"], question
