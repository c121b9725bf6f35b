"""培训质量测评: questionnaires from two cohorts, means per session and per speaker against a
hand computation, the low ones flagged, bad scores with sheet/row/column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from rotation_support import PROGRAMME, person, project, roster_workbook

from generator.cli import main

# the rated sessions of the test schedule (专题辅导 ×3, 分组讨论, 现场观摩), each with a speaker
SPEAKERS = PROGRAMME.replace("title: 第一讲}", "title: 第一讲, speaker: 甲老师}").replace(
    "title: 第二讲}", "title: 第二讲, speaker: 乙老师}").replace("title: 第三讲}", "title: 第三讲, speaker: 甲老师}")
RATED = 5


def score(cohort: int, form: int, session: int, aspect: int) -> int | None:
    """Cohort 0 or 1, form 0-based, rated session 0-4, aspect 0-2; some blanks."""
    if form == 3 and session == 4:
        return None
    if session == 1:  # 第二讲 is rated low
        return 2 + (form + aspect) % 2
    return 3 + (cohort + form + session + aspect) % 3


def overall(cohort: int, form: int) -> int:
    return 4 + (form + cohort) % 2


def fill(path: Path, cohort: int, forms: int) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["测评"]
    for form in range(forms):
        for session in range(RATED):
            for aspect in range(3):
                sheet.cell(4 + form, 2 + 3 * session + aspect, score(cohort, form, session, aspect))
        sheet.cell(4 + form, 2 + 3 * RATED, overall(cohort, form))
        sheet.cell(4 + form, 3 + 3 * RATED, f"第{cohort + 1}期第{form + 1}份意见" if form == 0 else None)
    book.save(path)


def test_evaluations_are_summed_across_cohorts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    (root / "content/curricula/banji.yaml").write_text(SPEAKERS, encoding="utf-8")
    sizes = {"2026-01": 6, "2026-02": 4}
    offset = 0
    for cohort, size in sizes.items():
        people = [person(i) for i in range(offset, offset + size)]
        offset += size
        assert main(["roster", "import", str(roster_workbook(tmp_path / f"{cohort}.xlsx", people)), "banji", cohort,
                     "--root", str(root)]) == 0
        assert main(["evaluation", "sheet", "banji", cohort, "--root", str(root)]) == 0
    fill(root / "rosters/banji/2026-01-测评.xlsx", 0, 5)  # one form of six not returned
    fill(root / "rosters/banji/2026-02-测评.xlsx", 1, 4)
    capsys.readouterr()
    assert main(["evaluation", "read", "banji", "--root", str(root), "--date", "2026-12-31", "--threshold", "3.5"]) == 0
    out = capsys.readouterr().out
    assert "2 期共收回测评表 9 份（回收率 90.0%）" in out

    def scores(sessions: list[int]) -> list[int]:
        return [s for c, n in ((0, 5), (1, 4)) for f in range(n) for x in sessions for a in range(3)
                if (s := score(c, f, x, a)) is not None]

    book = CalamineWorkbook.from_path(str(root / "rosters/banji/报表/测评汇总-2026-12-31.xlsx"))
    rows = {row[0]: row for row in book.get_sheet_by_name("课次").to_python()[2:]}
    second = rows["第1天 14:30-17:30 第二讲"]
    assert second[5] == round(sum(scores([1])) / len(scores([1])), 2) and second[11] == "低于 3.5 分"
    site = rows["第3天 08:30-10:30 观摩"]
    assert site[1] == 7 and site[5] == round(sum(scores([4])) / len(scores([4])), 2) and site[11] == ""
    assert site[6:11] == [scores([4]).count(n) for n in range(1, 6)]
    speakers = {row[0]: row for row in book.get_sheet_by_name("主讲人").to_python()[2:]}
    assert speakers["甲老师"][5] == round(sum(scores([0, 2])) / len(scores([0, 2])), 2)
    assert "第二讲" in out and "乙老师：均分" in out and "甲老师" not in out
    total = book.get_sheet_by_name("总体").to_python()[2]
    marks = [overall(c, f) for c, n in ((0, 5), (1, 4)) for f in range(n)]
    assert total[:5] == [2, 10, 9, "90.0%", round(sum(marks) / 9, 2)]
    comments = book.get_sheet_by_name("意见建议").to_python()[2:]
    assert [row[1] for row in comments] == ["第1期第1份意见", "第2期第1份意见"]

    # the 情况报表 holds the same figures; one cohort's archive holds that cohort's alone
    assert main(["report", "banji", "--root", str(root), "--date", "2026-12-31"]) == 0
    report = CalamineWorkbook.from_path(str(root / "rosters/banji/报表/情况报表-2026-12-31.xlsx"))
    for name in ("课次", "主讲人", "总体", "意见建议"):
        cut = -1 if name in ("课次", "主讲人") else None  # the flags: the report takes the programme's threshold, 4
        assert [r[:cut] for r in report.get_sheet_by_name("测评" + name).to_python()[1:]] == [
            r[:cut] for r in book.get_sheet_by_name(name).to_python()[1:]]
    flags = {r[0]: r[-1] for r in report.get_sheet_by_name("测评课次").to_python()[2:]}
    assert flags["第1天 14:30-17:30 第二讲"] == "低于 4 分"
    assert "培训质量测评：收回 9 份（回收率 90.0%）" in capsys.readouterr().out
    assert main(["archive", "banji", "2026-01", "--root", str(root), "--date", "2026-12-31"]) == 0
    archived = CalamineWorkbook.from_path(str(root / "rosters/banji/档案/2026-01/测评汇总.xlsx"))
    assert archived.get_sheet_by_name("总体").to_python()[2][:4] == [1, 6, 5, "83.3%"]
    overview = (root / "rosters/banji/档案/2026-01/档案总览.html").read_text(encoding="utf-8")
    assert "<th>培训质量测评</th><td>收回 5 份（回收率 83.3%）" in overview


def test_report_with_evaluation_codes_that_hold_none_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    assert main(["roster", "import", str(roster_workbook(tmp_path / "名单.xlsx", [person(0)])), "banji", "2026-01",
                 "--root", str(root)]) == 0
    chat = tmp_path / "测评群.txt"
    chat.write_text("学员甲 16:02\n谢谢老师\nLE1ABCDEFGHJKMNPQRSTVWXYZ0123456789\n", encoding="utf-8")
    capsys.readouterr()
    for args in (["report", "banji"], ["archive", "banji", "2026-01"]):
        assert main([*args, "--root", str(root), "--date", "2026-12-31", "--evaluation-codes", str(chat)]) == 1
        err = capsys.readouterr().err
        assert "测评群.txt:3: " in err  # the line that looks like a code, and why it is not one
        assert "--evaluation-codes 所给的文件中没有" in err and "未生成任何文件" in err
    assert not (root / "rosters/banji/报表").exists() and not (root / "rosters/banji/档案").exists()


def test_a_bad_score_has_sheet_row_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    assert main(["evaluation", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01-测评.xlsx"
    book = openpyxl.load_workbook(path)
    book["测评"]["C5"] = 6
    book["测评"]["B6"] = "好"
    book.save(path)
    capsys.readouterr()
    assert main(["evaluation", "read", "banji", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    label = "rosters/banji/2026-01-测评.xlsx[测评]"
    assert f"{label}:5:3: 第1天 9月1日 09:30-11:30 专题辅导 第一讲 授课: “6”不是测评分数" in err
    assert f"{label}:6:2: 第1天 9月1日 09:30-11:30 专题辅导 第一讲 内容: “好”不是测评分数" in err
    assert not (root / "rosters/banji/报表").exists()
    # the report reads the same questionnaires: the same problems, nothing written
    assert main(["roster", "import", str(roster_workbook(tmp_path / "名单.xlsx", [person(0)])), "banji", "2026-01",
                 "--root", str(root)]) == 0
    capsys.readouterr()
    assert main(["report", "banji", "--root", str(root)]) == 1
    assert f"{label}:5:3: " in capsys.readouterr().err and not (root / "rosters/banji/报表").exists()
