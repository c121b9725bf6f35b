"""The ticket table (tests/data/ticket_cases.json) shared with tests/js/ticket.test.js, and a code
the browser engine signs with a ticket, verified and graded by the trainer's side.

Each case is what a trainee might type for the 准考证号 and 密码, and what
generator/results/tickets.py makes of it: the normalised secret, whether it has a ticket
secret's shape, and the MAC key. The engine (quiz/53-ticket.js) must give the same. A code
case holds an LX2 code Python signs with a ticket; the engine's examCodeFor must write it from
the typed ticket. Regenerate after a deliberate change with ``.venv/bin/python tests/results/test_ticket_cases.py``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from exam_support import BANK_ID, START, Exam, exam_bank, make_project
from paths import ROOT, TESTS

from generator.cli import main
from generator.model import QuizBank
from generator.render.quiz import page_bank_json
from generator.results.banks import bank_info
from generator.results.bits import ALPHABET
from generator.results.exam_code import (
    Slot,
    bank_tag,
    decode_exam_code,
    encode_exam_code,
    version_tag,
)
from generator.results.regrade import Context, Rejected, verdict
from generator.results.tickets import (
    SECRET_SYMBOLS,
    load_roster,
    normalise_secret,
    ticket_key,
    tickets,
)

TABLE = TESTS / "data" / "ticket_cases.json"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed (`make test` installs it: apt nodejs)")

# (why, typed 准考证号, typed 密码): the separators, widths and look-alikes a phone or an IME gives
_TYPED: list[tuple[str, str, str]] = [
    ("as printed on the slip", "001", "DBA8T-891B6"),
    ("lower case, no hyphen", "001", "dba8t891b6"),
    ("I, L and O read as 1, 1 and 0", "0107", "iLoO0-11abc"),
    ("full-width letters, digits and hyphen (a Chinese IME)", "002", "ＤＢＡ８Ｔ－８９１Ｂ６"),
    ("ideographic and no-break spaces, a tab, a newline", "\u3000003 ", "DBA8T\u3000891B6\u00a0\t\n"),
    ("underscore, middle dot, full stop", "004", "DB_A8·T8.91B6"),
    ("Python whitespace JavaScript's trim and \\s do not know", "\x85005\x1c", "DBA8T\x1c891\x85B6"),
    ("U+FEFF is no whitespace in Python: kept", "\ufeff006", "DBA8T\ufeff891B6"),
    ("U is not a Crockford symbol", "007", "DBA8U-891B6"),
    ("too short", "008", "DBA8T-891B"),
    ("too long", "009", "DBA8T-891B6-7"),
    ("an em dash is no separator", "010", "DBA8T—891B6"),
    ("katakana middle dot (half-width folds to it) is no separator", "011", "DBA8T\uff65891B6"),
    ("nothing typed", "", ""),
    ("a Chinese 准考证号 and a Chinese secret", "红旗-01", "红旗村密码"),
    ("a non-BMP character", "012", "DBA8T𝟖91B6"),  # MATHEMATICAL BOLD DIGIT EIGHT → 8
]

# An LX2 code signed with a ticket, with the ticket as typed (the engine normalises it, as the form does)
_CODE = {"bank_id": "jieye-kaoshi", "version": "a1b2c3d4e5f6", "seed": 2024, "started": START,
         "finished": START + 1500, "ticket": "0107", "typed_secret": "iLoO0-11abc", "sitting": "2719",
         "slots": [{"id": "s", "type": "single", "size": 4}, {"id": "j", "type": "judge", "size": 2},
                   {"id": "b", "type": "blank", "size": 1}],
         "answers": {"s": "C", "j": 0, "b": ["倾听"]}}


def _shaped(secret: str) -> bool:
    return len(secret) == SECRET_SYMBOLS and all(char in ALPHABET for char in secret)


def build_table() -> dict[str, Any]:
    rows = []
    for why, number, typed in _TYPED:
        normalised = normalise_secret(typed)
        rows.append({"name": why, "number": number, "secret": typed, "normalised": normalised,
                     "valid": _shaped(normalised), "key": ticket_key(number, typed).decode("utf-8")})
    fields = {k: v for k, v in _CODE.items() if k != "typed_secret"}
    code = encode_exam_code(**(fields | {"slots": [Slot(**slot) for slot in _CODE["slots"]]}),
                            key=ticket_key(_CODE["ticket"], _CODE["typed_secret"]))
    payload = dict(_CODE, bank_tag=bank_tag(_CODE["bank_id"]), version_tag=version_tag(_CODE["version"]))
    return {"about": "Tickets: typed 准考证号 and 密码 → normalised secret, shape and MAC key as generator/results/"
                     "tickets.py makes them, and an LX2 code signed with a typed ticket; "
                     "tests/results/test_ticket_cases.py writes and checks this table, tests/js/ticket.test.js "
                     "computes it in JS",
            "cases": rows, "codes": [{"name": "ticketed, with a sitting code", "payload": payload, "code": code}]}


def test_table_is_what_python_computes() -> None:
    assert json.loads(TABLE.read_text(encoding="utf-8")) == build_table()


def test_table_covers_valid_and_invalid_secrets() -> None:
    rows = build_table()["cases"]
    valid = {row["normalised"] for row in rows if row["valid"]}
    assert valid == {"DBA8T891B6", "1100011ABC"} and sum(not row["valid"] for row in rows) >= 7


def test_the_table_code_verifies_with_the_ticket_only() -> None:
    row = build_table()["codes"][0]
    code = decode_exam_code(row["code"])
    assert (code.ticket, code.sitting, code.name) == ("0107", "2719", "")
    assert code.verifies(ticket_key("0107", "1100011ABC"))
    assert not code.verifies(ticket_key("0107", "1100011ABD")) and not code.verifies(ticket_key("0108", "1100011ABC"))


def test_tickets_and_sitting_codes_are_for_exams_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = {k: v for k, v in exam_bank(3).items() if k != "attempts"} | {"mode": "practice", "tickets": True}
    root = make_project(tmp_path, bank)
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"quizzes/{BANK_ID}\.yaml:5:\d+: sitting: 考场口令只用于考试", err), err
    assert re.search(rf"quizzes/{BANK_ID}\.yaml:\d+:\d+: tickets: 准考证只用于考试："
                     r"tickets: true 需要 mode: exam", err), err


# The engine's sections in node: a trainee's attempt of the exam, with the ticket typed as on a phone.
_NODE_SCRIPT = r"""
const {QUIZ_CORE, load} = require('./tests/js/engine.js');
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const engine = load(QUIZ_CORE, ['presentation', 'scoreAttempt', 'examCodeFor', 'ticketText', 'normaliseSecret']);
const bank = input.bank, byId = {};
bank.questions.forEach(q => { byId[q.id] = q; (q.questions || []).forEach(sub => { byId[sub.id] = sub; }); });
const {order} = engine.presentation(bank, byId, input.seed);
const attempt = {seed: input.seed, startedAt: input.started * 1000, deadline: null, order,
  ticket: engine.ticketText(input.ticket), secret: engine.normaliseSecret(input.secret),
  sitting: engine.ticketText(input.sitting)};
const scored = engine.scoreAttempt(byId, order, input.answers, false);
const profile = {name: '冒名', unit: '', id: ''};  // a ticketed code ignores it
const code = engine.examCodeFor(bank, attempt, scored, profile, input.finished * 1000, byId);
process.stdout.write(JSON.stringify({order, code}));
"""


def _engine_code(bank: dict[str, Any], **attempt: Any) -> dict[str, Any]:
    done = subprocess.run([NODE or "node", "-e", _NODE_SCRIPT], input=json.dumps(dict(attempt, bank=bank)),
                          capture_output=True, text=True, check=True, timeout=60, cwd=ROOT)
    return json.loads(done.stdout)


@needs_node
def test_a_code_the_engine_signs_with_a_ticket_is_graded_for_that_trainee_only(tmp_path: Path) -> None:
    raw = exam_bank(12) | {"tickets": True}
    model = QuizBank.model_validate(raw)
    exam, seed = Exam(raw), 31337
    listed = tmp_path / "roster.yaml"
    listed.write_text("cohort: 2026 秋季班\ntrainees:\n  - {name: 张三, unit: 红旗村}\n"
                      "  - {name: 李四, unit: 东风社区, number: \"0107\"}\n", encoding="utf-8")
    roster, problems = load_roster(listed, "roster.yaml")
    assert roster is not None and not problems
    issued = {t.number: t for t in tickets(roster, b"s" * 32)}
    lisi = issued["0107"]
    answers = exam.right_answers(seed, wrong=4)
    typed = f" {lisi.secret[:5].lower()} {lisi.secret[5:]}".replace("1", "l").replace("0", "o")  # as a phone gives it
    made = _engine_code(page_bank_json(BANK_ID, model), seed=seed, started=START, finished=START + 1200,
                        ticket="０１０７", secret=typed, sitting=" 2719 ", answers=answers)
    assert made["order"] == exam.grader.draw(seed)
    context = Context({BANK_ID: bank_info(BANK_ID, model)}, tickets=issued, now=START + 3600)
    graded = verdict(made["code"], context)
    assert (graded.name, graded.unit, graded.trainee_id, graded.ticket, graded.sitting) == \
        ("李四", "东风社区", "0107", "0107", "2719")  # the roster names the trainee, not the page's profile
    assert (graded.points, graded.max_points, graded.score, graded.flags) == (8, 12, 66.7, [])
    # The same answers signed with a classmate's number or a wrong secret are refused.
    for ticket, secret in (("001", typed), ("0107", issued["001"].secret)):
        forged = _engine_code(page_bank_json(BANK_ID, model), seed=seed, started=START, finished=START + 1200,
                              ticket=ticket, secret=secret, sitting="2719", answers=answers)
        with pytest.raises(Rejected, match="签名不符"):
            verdict(forged["code"], context)


if __name__ == "__main__":
    TABLE.write_text(json.dumps(build_table(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.exit(0)
