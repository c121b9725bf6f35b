"""One roster for the whole rotation: exam tickets and `lunxun results --roster` read the roster
`lunxun roster import` writes (rosters/<programme>/<cohort>.yaml), the 学员编号 is the 准考证号;
the older ticket list (.lunxun-private/roster.yaml) is still read, its tickets unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

from exam_support import Exam, make_project

from generator.cli import main
from generator.grading.secret import load_secret
from generator.results.tickets import load_roster, ticket_secret, tickets

ROSTER = """\
programme: cun-ganbu
cohort: "2026-01"
trainees:
  - {id: A001, name: 张三, unit: 红旗村, category: 村党组织书记}
  - {id: A002, name: 李四, unit: 东风村, category: 村委会主任}
"""


def rotation_roster(root: Path, text: str = ROSTER) -> Path:
    path = root / "rosters" / "cun-ganbu" / "2026-01.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_tickets_are_numbered_by_the_roster_and_stay_the_same(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path)
    roster = rotation_roster(root)
    assert main(["exam", "tickets", str(roster), "--root", str(root)]) == 0
    out = capsys.readouterr().out
    page_path = root / "rosters/cun-ganbu/2026-01-准考证.html"
    assert f"已为 2 名学员生成准考证：{page_path}" in out
    loaded, problems = load_roster(roster, "roster")
    assert problems == [] and loaded is not None
    secret = load_secret(root, create=False)
    assert secret is not None
    issued = tickets(loaded, secret)
    assert [(t.number, t.name, t.unit) for t in issued] == [("A001", "张三", "红旗村"), ("A002", "李四", "东风村")]
    # the secret is keyed by programme and cohort: another cohort's A001 holds another secret
    assert issued[0].secret == ticket_secret(secret, "cun-ganbu/2026-01", "A001")
    assert issued[0].secret != ticket_secret(secret, "cun-ganbu/2026-02", "A001")
    page = page_path.read_text(encoding="utf-8")
    assert all(t.shown in page and t.name in page for t in issued)
    assert "村干部矛盾调解培训班（第一期）：准考证" in page  # named by the project's programme and cohort
    assert (root / "rosters" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert main(["exam", "tickets", str(roster), "--root", str(root), "--force"]) == 0
    assert page_path.read_text(encoding="utf-8") == page  # same roster, same secret: the same slips


def test_results_check_codes_against_the_rotation_roster(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path)
    roster = rotation_roster(root)
    assert main(["exam", "tickets", str(roster), "--root", str(root)]) == 0
    loaded, _ = load_roster(roster, "roster")
    assert loaded is not None
    zhang, li = tickets(loaded, load_secret(root, create=False) or b"")
    exam = Exam()
    lines = [exam.code(seed=1, key=zhang.key(), ticket="A001", sitting="K7"),
             exam.code(seed=2, answers={}, key=li.key(), ticket="A001", sitting="K7")]  # 李四 posing as 张三
    (tmp_path / "chat.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["results", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "out"), "--root", str(root),
                 "--roster", str(roster)]) == 0
    assert "chat.txt:2: 准考证号 A001 的签名不符" in capsys.readouterr().err
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    # the grade sheet names the trainee as the roster does, 编号 = 学员编号: the ledger matches it
    assert [(r["姓名"], r["单位"], r["编号"], r["得分"]) for r in rows] == [("张三", "红旗村", "A001", "100.0")]


def test_the_older_ticket_list_is_still_read_with_a_note(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path)
    old = root / ".lunxun-private" / "roster.yaml"
    old.parent.mkdir()
    old.write_text("cohort: 2026 秋季班\ntrainees:\n  - {name: 张三, unit: 红旗村}\n"
                   "  - {name: 李四, number: \"0107\"}\n", encoding="utf-8")
    assert main(["exam", "tickets", str(old), "--root", str(root)]) == 0
    captured = capsys.readouterr()
    assert "是旧格式的准考证名单：仍然可用，已发的准考证不变" in captured.err and "lunxun roster import" in captured.err
    secret = load_secret(root, create=False) or b""
    page = (root / ".lunxun-private" / "tickets.html").read_text(encoding="utf-8")
    for number in ("001", "0107"):  # numbered and keyed exactly as before the rosters were one
        shown = ticket_secret(secret, "2026 秋季班", number)
        assert f"{shown[:5]}-{shown[5:]}" in page


def test_a_roster_unfit_for_tickets_is_refused_with_every_place(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path)
    roster = rotation_roster(root, ROSTER.replace("id: A002", "id: A001") +
                             "  - {id: A0000000000000000000003, name: 王五}\n")
    assert main(["exam", "tickets", str(roster), "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"{roster}:5:10: trainees[1].id: 学员编号“A001”重复，准考证号会相同" in err
    assert f"{roster}:6:10: trainees[2].id: 学员编号“A0000000000000000000003”超过 20 个字符，不能用作准考证号" in err
    assert not (root / "rosters/cun-ganbu/2026-01-准考证.html").exists()
    missing = root / "rosters/cun-ganbu/2026-02.yaml"
    assert main(["exam", "tickets", str(missing), "--root", str(root)]) == 1
    assert "找不到名册文件：名册由 lunxun roster import 导入" in capsys.readouterr().err


def test_a_roster_without_its_programme_is_read_as_a_roster(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path)
    roster = rotation_roster(root, ROSTER.replace("programme: cun-ganbu\n", ""))
    assert main(["exam", "tickets", str(roster), "--root", str(root)]) == 1
    assert f"{roster}:1:1: programme: 缺少必填字段" in capsys.readouterr().err
