"""Releasing a trainer-graded bank's answers by unlock code (issue 13 item 3).

The shared table tests/data/unlock_cases.json is written here and read by
tests/js/unlock.test.js: Python seals, the browser engine (quiz/66-secretbox.js and
quiz/67-review.js) opens, reads typed codes the same way and grades the opened review to the
score the trainer's re-grading gives. Regenerate it after a deliberate change with
``.venv/bin/python tests/grading/test_exam_unlock.py``; the first test fails while table and code differ.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from exam_support import BANK_ID, Exam, exam_bank, make_project
from paths import TESTS

from generator.cli import main
from generator.grading.secret import load_secret, secret_path
from generator.grading.unlock import ALPHABET, normalise, seal, shown, unlock_code, unseal
from generator.model import QuizBank
from generator.render.quiz import bank_json, page_bank_json

TABLE = TESTS / "data" / "unlock_cases.json"
SECRET = bytes(range(32))
CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}")

_TYPED = [  # what a trainee may type → the code it reads as (None: not a code)
    ("7K3M-9QX2-HV4TA", "7K3M9QX2HV4TA"), ("7k3m 9qx2 hv4ta", "7K3M9QX2HV4TA"),
    ("７Ｋ３Ｍ－９ＱＸ２－ＨＶ４ＴＡ", "7K3M9QX2HV4TA"), ("7K3M—9QX2—HV4TA", "7K3M9QX2HV4TA"),
    ("IL0O-1111-00000", "1100111100000"), ("  7K3M9QX2HV4TA\n", "7K3M9QX2HV4TA"),
    ("7K3M-9QX2-HV4T", None), ("7K3M-9QX2-HV4TAB", None), ("7K3M-9QX2-HV4TU", None), ("", None),
    ("解锁码7K3M9QX2HV4TA", "7K3M9QX2HV4TA"),
]


def _review_case(seed: int, wrong: int) -> dict[str, Any]:
    """The exam of every type, sealed under SECRET, and one attempt at it graded by the trainer."""
    bank = exam_bank(12)
    model = QuizBank.model_validate(bank)
    exam = Exam(bank)
    answers = exam.right_answers(seed, wrong=wrong)
    graded = exam.grader.grade(seed, answers)
    keyed = bank_json(BANK_ID, model)
    return {
        "name": f"seed {seed}, {wrong} wrong", "seed": seed, "answers": answers,
        "page": page_bank_json(BANK_ID, model, secret=SECRET), "keyed": keyed["questions"],
        "code": unlock_code(SECRET, BANK_ID, keyed["version"]),
        "graded": {"score": graded.score, "points": graded.points, "max": graded.max_points,
                   "passed": graded.passed, "correct": graded.correct},
    }


def table() -> dict[str, Any]:
    codes = []
    for bank_id, version in (("shuji-lunxun-jieye", "3fa0c2d91b7e"), ("b", "000000000000"), ("考试", "ffffffffffff")):
        code = unlock_code(SECRET, bank_id, version)
        plaintext = json.dumps({"q1": {"answer": 2, "explain": "<p>因为……</p>"}}, ensure_ascii=False).encode()
        codes.append({"bank": {"id": bank_id, "version": version, "sealed": seal(SECRET, bank_id, version, plaintext)},
                      "code": code, "shown": shown(code), "plaintext": plaintext.decode()})
    return {"note": "written by tests/grading/test_exam_unlock.py; read by tests/js/unlock.test.js",
            "typed": [list(row) for row in _TYPED], "codes": codes,
            "reviews": [_review_case(7, 3), _review_case(2026, 0), _review_case(99, 12)]}


def _stable(data: dict[str, Any]) -> dict[str, Any]:
    """The table less what a new display field of the bank JSON changes: the review cases' pages and
    keyed questions are compared by their sealed key and version (what the unlock code opens)."""
    reviews = [{key: value for key, value in row.items() if key not in ("page", "keyed")}
               | {"sealed": row["page"]["sealed"], "version": row["page"]["version"]} for row in data["reviews"]]
    return dict(data, reviews=reviews)


def test_the_table_is_what_the_code_writes() -> None:
    written = json.loads(TABLE.read_text(encoding="utf-8"))
    assert _stable(written) == _stable(json.loads(json.dumps(table(), ensure_ascii=False)))


@pytest.mark.parametrize(("typed", "code"), _TYPED)
def test_typed_codes_are_read_forgivingly(typed: str, code: str | None) -> None:
    assert normalise(typed) == code


def test_codes_have_65_bits_in_13_symbols_and_differ_by_bank_version_and_secret() -> None:
    codes = {unlock_code(SECRET, bank, version) for bank in ("a", "b") for version in ("v1", "v2")}
    codes.add(unlock_code(bytes(32), "a", "v1"))
    assert len(codes) == 5
    for code in codes:
        assert len(code) == 13 and set(code) <= set(ALPHABET) and CODE.fullmatch(shown(code))
        assert len(shown(code)) < 15 + 1  # typed without the hyphens: 13 symbols
    # the 65 bits are spread over every symbol: the first and the last vary across banks
    many = [unlock_code(SECRET, f"bank{k}", "v") for k in range(200)]
    assert len({code[0] for code in many}) > 20 and len({code[-1] for code in many}) > 20


def test_sealed_key_opens_with_its_code_only() -> None:
    sealed = seal(SECRET, "b", "v1", "答案与解析".encode())
    code = unlock_code(SECRET, "b", "v1")
    assert unseal(sealed, shown(code).lower(), "b", "v1") == "答案与解析".encode()
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert unseal(sealed, wrong, "b", "v1") is None
    assert unseal(sealed, code, "b", "v2") is None  # the version is part of the key
    tampered = dict(sealed, box=sealed["box"][:-4] + ("AAAA" if sealed["box"][-4:] != "AAAA" else "BBBB"))
    assert unseal(tampered, code, "b", "v1") is None
    assert "答案".encode() not in json.dumps(sealed).encode()


def test_same_version_and_secret_seal_the_same_bytes_and_a_new_plaintext_a_new_nonce() -> None:
    one, two = seal(SECRET, "b", "v1", b"x"), seal(SECRET, "b", "v1", b"x")
    assert one == two
    assert seal(SECRET, "b", "v1", b"y")["nonce"] != one["nonce"]  # an explanation fixed: no nonce reuse


def test_the_page_of_a_trainer_graded_bank_carries_the_sealed_key_and_a_browser_graded_one_none() -> None:
    model = QuizBank.model_validate(exam_bank(6))
    page = page_bank_json(BANK_ID, model, secret=SECRET)
    assert set(page["sealed"]) == {"nonce", "box"}
    code = unlock_code(SECRET, BANK_ID, page["version"])
    keys = json.loads(unseal(page["sealed"], code, BANK_ID, page["version"]) or b"")
    assert keys["q01"] == {"answer": 0, "explain": "<p>解析1：先听情况</p>"}
    assert set(keys["q05"]) == {"explain", "order"} and sorted(keys["q05"]["order"]) == [0, 1, 2, 3]
    practice = QuizBank.model_validate(dict(exam_bank(6), mode="practice", grading="browser", sitting=False))
    assert "sealed" not in page_bank_json("p", practice, secret=SECRET)


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_builds_with_the_same_secret_are_byte_identical_and_another_secret_changes_the_box(tmp_path: Path) -> None:
    root = make_project(tmp_path, exam_bank(6))
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-d", str(tmp_path / "one")]) == 0
    secret = load_secret(root, create=False)
    assert secret is not None and (secret_path(root).stat().st_mode & 0o777) == 0o600  # made by the first build
    copy = make_project(tmp_path / "elsewhere", exam_bank(6))  # another folder, the same secret
    secret_path(copy).parent.mkdir()
    secret_path(copy).write_bytes(secret_path(root).read_bytes())
    assert main(["build", "-f", str(copy / "mkdocs.yml"), "-d", str(tmp_path / "two")]) == 0
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")
    page = (tmp_path / "one" / "quizzes" / BANK_ID / "index.html").read_text(encoding="utf-8")
    assert '"sealed":' in page and secret.hex() not in page
    other = make_project(tmp_path / "third", exam_bank(6))
    assert main(["build", "-f", str(other / "mkdocs.yml"), "-d", str(tmp_path / "three")]) == 0
    page = f"quizzes/{BANK_ID}/index.html"
    assert _digest(tmp_path / "three")[page] != _digest(tmp_path / "one")[page]


def test_a_project_without_trainer_graded_banks_gets_no_secret(tmp_path: Path) -> None:
    from generator.pipeline import render_project

    root = make_project(tmp_path, dict(exam_bank(6), grading="browser", sitting=False))
    render_project(root)
    assert not secret_path(root).parent.exists()


def test_an_unreadable_secret_stops_the_build_with_a_message(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, exam_bank(6))
    secret_path(root).parent.mkdir()
    secret_path(root).write_text("not a secret\n", encoding="utf-8")
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-d", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "secret:1:1: 不是 lunxun 生成的项目密钥" in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_unlock_command_prints_the_code_of_the_current_version(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, exam_bank(6))
    assert main(["exam", "unlock", BANK_ID, "--root", str(root)]) == 1
    assert "请先运行 lunxun build" in capsys.readouterr().err
    assert not secret_path(root).exists()  # asking never makes a secret: codes would not match the site
    load_secret(root, create=True)
    secret = load_secret(root, create=False)
    assert secret is not None
    assert main(["exam", "unlock", BANK_ID, "--root", str(root)]) == 0
    out = capsys.readouterr().out
    version = bank_json(BANK_ID, QuizBank.model_validate(exam_bank(6)))["version"]
    assert shown(unlock_code(secret, BANK_ID, version)) in out and "解锁码" in out and version in out
    changed = exam_bank(6)
    changed["questions"][0]["answer"] = "B"  # a new gradable version: a new code
    (root / "quizzes" / f"{BANK_ID}.yaml").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert main(["exam", "unlock", str(root / "quizzes" / f"{BANK_ID}.yaml"), "--root", str(root)]) == 0
    assert shown(unlock_code(secret, BANK_ID, version)) not in capsys.readouterr().out


def test_unlock_command_refuses_browser_graded_and_unknown_banks(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, exam_bank(6))
    load_secret(root, create=True)
    assert main(["exam", "unlock", "tingqing-lianxi", "--root", str(root)]) == 1
    assert "由浏览器即时评分" in capsys.readouterr().err
    assert main(["exam", "unlock", "no-such-bank", "--root", str(root)]) == 1
    assert "找不到题库“no-such-bank”" in capsys.readouterr().err


if __name__ == "__main__":
    TABLE.write_text(json.dumps(table(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TABLE}")
