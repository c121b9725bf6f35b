"""`lunxun evaluation read --codes` on a ticketed evaluation finds the cohorts' rosters
(rosters/<programme>/<cohort>.yaml) itself, as `lunxun report` does, and says in Chinese what is
missing when a roster is not there: none at all stops with nothing written, one cohort's missing
refuses that cohort's codes, each with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rotation_support import PROGRAMME, person, project, roster_workbook

from generator.cli import main
from generator.grading.secret import load_secret
from generator.loading.project import load_project
from generator.results.tickets import load_roster as load_tickets
from generator.results.tickets import ticket_key, tickets
from generator.rotation.evaluation import rated_sessions
from generator.rotation.evaluation_code import encode_evaluation_code, schedule_lines
from generator.rotation.short_code import cohort_tag, schedule_tag

TICKETED = PROGRAMME.replace("cohorts:", "evaluation: {tickets: true}\ncohorts:")
DAY = "2026-12-31"
SUMMARY = f"rosters/banji/报表/测评汇总-{DAY}.xlsx"


def _project(tmp_path: Path, with_roster: bool) -> Path:
    """The ticketed programme; 2026-01 with a roster of 4 when ``with_roster``, 2026-02 never."""
    root = project(tmp_path)
    (root / "content/curricula/banji.yaml").write_text(TICKETED, encoding="utf-8")
    if with_roster:
        workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(4)])
        assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    return root


def _code(root: Path, cohort_id: str, number: str, secret: str, rating: int) -> str:
    """An evaluation code as the cohort's 测评 page makes it, signed with the ticket's key."""
    project_, _ = load_project(root, None)
    programme = project_.programmes["banji"].model
    rated = rated_sessions(programme, next(c for c in programme.cohorts if c.id == cohort_id))
    return encode_evaluation_code(cohort_tag=cohort_tag("banji", cohort_id),
                                  schedule_tag=schedule_tag(schedule_lines(rated)), minutes=29_600_000,
                                  ratings=[(rating, rating, rating)] * len(rated), overall=rating, comment="",
                                  key=ticket_key(number, secret))


def _read(root: Path, chat: Path, *extra: str) -> int:
    return main(["evaluation", "read", "banji", "--root", str(root), "--codes", str(chat), "--date", DAY, *extra])


def test_the_rosters_are_found_as_the_report_finds_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, with_roster=True)
    roster, problems = load_tickets(root / "rosters/banji/2026-01.yaml", "roster")
    assert roster is not None and not problems
    issued = tickets(roster, load_secret(root, create=True))
    chat = tmp_path / "测评群.txt"
    chat.write_text("\n".join([_code(root, "2026-01", t.number, t.secret, 4 + k % 2) for k, t in enumerate(issued[:3])]
                              + [_code(root, "2026-01", "A999", "0000000000", 1),  # no ticket of the roster
                                 _code(root, "2026-02", issued[3].number, issued[3].secret, 1)]),  # 2026-02: none
                    encoding="utf-8")
    capsys.readouterr()
    assert _read(root, chat) == 0  # no --roster
    out, err = capsys.readouterr()
    assert "测评码：计入 3 份；无效 2 条（见上）。" in out and "1 期共收回测评 3 份（回收率 75.0%）" in out
    assert f"{chat}:4: 没有一张本期准考证能验证这个测评码" in err
    assert (f"{chat}:5: 第二期（2026-02）没有名册 rosters/banji/2026-02.yaml，无法按准考证核对："
            "请先用 lunxun roster import 导入本期名册，已跳过") in err
    assert (root / SUMMARY).is_file()
    # the same intake as lunxun report's, which has always found the rosters itself
    assert main(["report", "banji", "--root", str(root), "--date", DAY, "--evaluation-codes", str(chat)]) == 0
    assert "测评码：计入 3 份；无效 2 条（见上）。" in capsys.readouterr().err
    # --roster, which commands written before pass, changes nothing
    assert _read(root, chat, "--roster", "--force") == 0
    assert "1 期共收回测评 3 份（回收率 75.0%）" in capsys.readouterr().out
    for ticket in issued:
        assert ticket.number not in out + err


def test_a_ticketed_evaluation_without_any_roster_says_so(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, with_roster=False)
    chat = tmp_path / "测评群.txt"
    chat.write_text(_code(root, "2026-01", "A001", "1234567890", 5), encoding="utf-8")
    capsys.readouterr()
    assert _read(root, chat) == 1
    err = capsys.readouterr().err
    assert ("banji 的测评凭准考证填写（evaluation.tickets），但 rosters/banji/ 中还没有任何一期的名册："
            "测评码要按名册上的准考证核对，请先用 lunxun roster import 导入名册") in err
    assert "Traceback" not in err and not (root / "rosters").exists()
