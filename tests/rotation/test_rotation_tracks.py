"""Tracks (分级分类): one programme, two classes with their own days and sessions and shared ones.

The schedule below is small enough to count by hand: shared sessions 开班 (1 h), 第一讲 (2 h),
结业 (1 h); the township class adds 乡镇专题 (2 h); the village class adds 观摩 (3 h) and a day
of its own, 村级讨论 (2 h).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from rotation_support import QUIZ, roster_workbook

from generator.cli import main
from generator.loading.project import load_project
from generator.pipeline import render_project
from generator.rotation.schedule import class_sessions

TRACKED = """\
title: 基层书记轮训
audience: [乡镇党委书记, 村党组织书记, 社区党组织书记]
organizer: 县委组织部
summary: 测试用的分班日程。
completion:
  attendance: 80
  quizzes: [jieye]
tracks:
  - {id: xiangzhen, name: 乡镇党委书记班, audience: [乡镇党委书记], hours: 6}
  - {id: cun, name: 村（社区）党组织书记班, audience: [村党组织书记, 社区党组织书记], hours: 9}
days:
  - title: 开班
    sessions:
      - {time: "08:30-09:30", kind: 开班式, title: 开班}
      - {time: "09:30-11:30", kind: 专题辅导, title: 第一讲}
      - {time: "14:30-16:30", kind: 专题辅导, title: 乡镇专题, tracks: [xiangzhen]}
      - {time: "14:30-17:30", kind: 现场观摩, title: 观摩, tracks: [cun]}
  - title: 村级讨论
    tracks: [cun]
    sessions:
      - {time: "08:30-10:30", kind: 分组讨论, title: 村级讨论}
  - title: 结业
    sessions:
      - {time: "08:30-09:30", kind: 结业式, title: 结业}
cohorts:
  - {id: "2026-01", name: 第一期, start: 2026-09-01, capacity: 90, track: cun}
  - {id: "2026-02", name: 第二期, start: 2026-10-12, capacity: 30, track: xiangzhen}
"""


def tracked_project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "content" / "curricula").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "content" / "curricula" / "banji.yaml").write_text(TRACKED, encoding="utf-8")
    (root / "quizzes" / "jieye.yaml").write_text(QUIZ, encoding="utf-8")
    return root


def test_each_cohort_runs_its_tracks_days_with_the_shared_sessions(tmp_path: Path) -> None:
    project, problems = load_project(tracked_project(tmp_path))
    assert problems == []
    programme = project.programmes["banji"].model
    village, township = programme.cohorts
    got = [(s.number, s.day, s.date.isoformat(), s.title, s.hours) for s in class_sessions(programme, village)]
    assert got == [(1, 1, "2026-09-01", "开班", 1), (2, 1, "2026-09-01", "第一讲", 2), (3, 1, "2026-09-01", "观摩", 3),
                   (4, 2, "2026-09-02", "村级讨论", 2), (5, 3, "2026-09-03", "结业", 1)]
    got = [(s.number, s.day, s.date.isoformat(), s.title, s.hours) for s in class_sessions(programme, township)]
    assert got == [(1, 1, "2026-10-12", "开班", 1), (2, 1, "2026-10-12", "第一讲", 2),
                   (3, 1, "2026-10-12", "乡镇专题", 2),
                   (4, 2, "2026-10-13", "结业", 1)]  # the village day is not the township's: its day 2 is 结业
    assert programme.for_cohort(township).hours == 6 and programme.for_cohort(village).hours == 9


def test_pages_per_track_and_cohorts_dated_by_their_track(tmp_path: Path) -> None:
    rendered = render_project(tracked_project(tmp_path))
    pages = {p for p in rendered.pages if p.startswith("programmes/banji/")}
    assert pages >= {"programmes/banji/2026-01-qiandao.md", "programmes/banji/2026-01-richeng.md",
                     "programmes/banji/2026-01.md", "programmes/banji/2026-02-qiandao.md",
                     "programmes/banji/2026-02-richeng.md", "programmes/banji/2026-02.md",
                     "programmes/banji/cun.md", "programmes/banji/index.md", "programmes/banji/xiangzhen.md"}
    index = rendered.pages["programmes/banji/index.md"]
    assert "| [乡镇党委书记班](xiangzhen.md) | 乡镇党委书记 | 2 天 | 6 | 4 个 | 1 期 |" in index
    assert "| [村（社区）党组织书记班](cun.md) | 村党组织书记、社区党组织书记 | 3 天 | 9 | 5 个 | 1 期 |" in index
    assert "lx-progress" not in index  # each track page has its own panel: their sessions differ
    township = rendered.pages["programmes/banji/xiangzhen.md"]
    assert 'data-programme="banji/xiangzhen"' in township and "乡镇专题" in township and "观摩" not in township
    assert "共 4 个课次，至少 4 个" in township  # 80% of 4 sessions, rounded up
    cohort_page = rendered.pages["programmes/banji/2026-02.md"]
    assert "2026年10月12日（星期一）至10月13日（星期二），共 2 天" in cohort_page and "6 学时" in cohort_page
    assert "<dt>班次</dt><dd>乡镇党委书记班</dd>" in cohort_page
    assert "本期是[乡镇党委书记班](xiangzhen.md)" in cohort_page
    sheet = rendered.pages["programmes/banji/2026-01-qiandao.md"]
    assert sheet.count('<th scope="col" title=') == 5  # one column per session of the village class
    calendar = rendered.files["programmes/banji/2026-01.ics"].decode()
    assert calendar.count("BEGIN:VEVENT") == 5 and "观摩" in calendar and "乡镇专题" not in calendar
    assert rendered.files["programmes/banji/2026-02.ics"].decode().count("BEGIN:VEVENT") == 4


def people(categories: list[str]) -> list[dict[str, str]]:
    return [{"name": f"学员{k + 1}", "unit": f"{k + 1}号村", "id": f"B{k + 1:02d}", "category": category,
             "gender": "男"} for k, category in enumerate(categories)]


def test_a_roster_may_hold_only_its_tracks_categories(tmp_path: Path, capsys) -> None:
    root = tracked_project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", people(["乡镇党委书记", "村党组织书记", "社区党组织书记"]))
    assert main(["roster", "import", str(workbook), "banji", "2026-02", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert ("名单.xlsx:5:6: 学员类别*: 类别“村党组织书记”不在第 2026-02 期（乡镇党委书记班）"
            "的培训对象中（乡镇党委书记）\n") in err
    assert "名单.xlsx:6:6: 学员类别*: 类别“社区党组织书记”不在" in err and "共发现 2 个问题" in err
    assert not (root / "rosters").exists()
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 1
    assert ("名单.xlsx:4:6: 学员类别*: 类别“乡镇党委书记”不在第 2026-01 期（村（社区）党组织书记班）"
            "的培训对象中（村党组织书记、社区党组织书记）") in capsys.readouterr().err


def test_the_report_has_a_row_per_track(tmp_path: Path, capsys) -> None:
    root = tracked_project(tmp_path)
    village = roster_workbook(tmp_path / "村.xlsx", people(["村党组织书记"] * 4))
    township = [dict(p, name=f"镇{p['name']}") for p in people(["乡镇党委书记"] * 2)]
    assert main(["roster", "import", str(village), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["roster", "import", str(roster_workbook(tmp_path / "镇.xlsx", township)), "banji", "2026-02",
                 "--root", str(root)]) == 0
    capsys.readouterr()
    assert main(["roster", "check", "banji", "--root", str(root)]) == 0
    assert capsys.readouterr().out == ("第一期（2026-01，村（社区）党组织书记班）：4 人\n第二期（2026-02，"
                                       "乡镇党委书记班）：2 人\n")
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    book = openpyxl.load_workbook(root / "rosters/banji/2026-01-考勤.xlsx")
    sheet = book["考勤"]
    assert sheet.cell(1, 1).value == "基层书记轮训 · 村（社区）党组织书记班 · 第一期 考勤表"
    headings = [sheet.cell(3, column).value for column in range(4, 9)]
    assert [h.split("\n")[0] for h in headings] == ["第1天 9月1日"] * 3 + ["第2天 9月2日", "第3天 9月3日"]
    for row in range(4, 8):  # B01 on leave at 观摩 (3 h of 9), the others present throughout
        for session in range(1, 6):
            sheet.cell(row, 3 + session, "请假" if row == 4 and session == 3 else "到")
    book.save(root / "rosters/banji/2026-01-考勤.xlsx")
    assert main(["report", "banji", "--root", str(root), "--date", "2026-10-31"]) == 0
    rows = CalamineWorkbook.from_path(str(root / "rosters/banji/报表/情况报表-2026-10-31.xlsx")
                                      ).get_sheet_by_name("情况报表").to_python()
    by_name = {(row[0], row[1]): row for row in rows[2:]}
    village_row = by_name[("班次", "村（社区）党组织书记班")]
    # 4 planned, 4 trained, none done (no grades); attendance by 学时: (4*9 - 3) / (4*9) = 91.7%
    assert village_row[2:5] == [4, 4, 0] and village_row[8] == pytest.approx(91.7)
    township_row = by_name[("班次", "乡镇党委书记班")]
    assert township_row[2:4] == [2, 0]  # no workbook yet: nobody recorded as trained
    assert main(["archive", "banji", "2026-01", "--root", str(root), "--date", "2026-10-31"]) == 0
    overview = (root / "rosters/banji/档案/2026-01/档案总览.html").read_text(encoding="utf-8")
    assert '<p class="meta">村（社区）党组织书记班 · 县委组织部 2026-09-01 至 2026-09-03' in overview
    assert overview.count("<td>2026-09-0") == 5  # the village class's five sessions in 授课内容
