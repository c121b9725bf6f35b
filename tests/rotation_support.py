"""A small project and a cohort of 90 for the rotation tests, with marks chosen by hand."""

from __future__ import annotations

from pathlib import Path

import openpyxl

PROGRAMME = """\
title: 村（社区）党组织书记轮训
audience: [村党组织书记, 社区党组织书记]
organizer: 县委组织部
summary: 测试用的三天日程。
hours: 15
completion:
  attendance: 80
  quizzes: [jieye]
days:
  - sessions:
      - {time: "08:30-09:30", kind: 开班式, title: 开班}
      - {time: "09:30-11:30", kind: 专题辅导, title: 第一讲}
      - {time: "14:30-17:30", kind: 专题辅导, title: 第二讲}
  - sessions:
      - {time: "08:30-11:30", kind: 专题辅导, title: 第三讲}
      - {time: "14:30-16:30", kind: 分组讨论, title: 讨论}
      - {time: "16:30-17:30", kind: 测验, title: 结业测试}
  - sessions:
      - {time: "08:30-10:30", kind: 现场观摩, title: 观摩}
      - {time: "10:30-11:30", kind: 结业式, title: 结业}
cohorts:
  - {id: "2026-01", name: 第一期, start: 2026-09-01, capacity: 90}
  - {id: "2026-02", name: 第二期, start: 2026-12-01, capacity: 90}
"""
QUIZ = """\
title: 结业测试
mode: exam
pass_mark: 60
questions:
  - {id: q1, type: judge, stem: 这是一道题。, answer: 对}
"""
HOURS = [1, 2, 3, 3, 2, 1, 2, 1]  # each session's length, as the schedule above gives it
SURNAMES = "赵钱孙李周吴郑冯陈褚"
GIVEN = ["建国", "秀英", "海波", "丽华", "志强", "春梅", "国庆", "玉兰", "文斌"]
NAMES = [s + g for s in SURNAMES for g in GIVEN]  # 90 people
UNITS = [f"{town}镇{village}村" for town in "东西南北中" for village in ("上", "下")]


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "content" / "curricula").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "content" / "curricula" / "banji.yaml").write_text(PROGRAMME, encoding="utf-8")
    (root / "quizzes" / "jieye.yaml").write_text(QUIZ, encoding="utf-8")
    return root


def person(index: int) -> dict[str, str]:
    return {"name": NAMES[index], "unit": UNITS[index % 10], "id": f"A{index + 1:03d}",
            "category": "社区党组织书记" if index % 3 == 0 else "村党组织书记",
            "gender": "女" if index % 2 else "男"}


def roster_workbook(path: Path, people: list[dict[str, str]]) -> Path:
    """The department's list: a title above, notes in the header, columns lunxun leaves out."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["2026年第一期村（社区）党组织书记轮训学员名单"])
    sheet.append([])
    sheet.append(["序号", "姓名（必填）", "性别", "工作单位", "现任职务", "学员类别*", "学员编号(勿改)", "身份证号"])
    for number, p in enumerate(people, start=1):
        sheet.append([number, p["name"], p["gender"], p["unit"], "党组织书记", p["category"], p["id"],
                      f"3601231970010{number:05d}"])
    book.save(path)
    return path


def mark(index: int, session: int) -> str:
    """The mark of trainee ``index`` (0-based) at session ``session`` (1-based): every kind used."""
    special = {
        80: {3: "请假"}, 81: {3: "请假"}, 82: {3: "请假"}, 83: {3: "请假"}, 84: {3: "请假"},
        85: {1: "请假", 8: "请假"},
        86: {1: "迟到", 4: "缺勤"},
        87: {4: "缺勤", 8: "缺勤"},
        88: {5: "请假", 6: "缺勤"},
        89: {2: "请假", 8: "请假"},
    }
    if index in special:
        return special[index].get(session, "到")
    if index % 10 == 1 and session == 2:
        return "迟到"
    if index % 10 == 2 and session == 3:
        return "早退"
    return "到"


def fill(path: Path, spell: dict[str, str] | None = None) -> None:
    """Fill the generated workbook as a class teacher would (optionally with other spellings)."""
    book = openpyxl.load_workbook(path)
    sheet = book["考勤"]
    for row in range(4, sheet.max_row + 1):
        index = int(sheet.cell(row, 1).value[1:]) - 1
        for session in range(1, 9):
            value = mark(index, session)
            sheet.cell(row, 3 + session, (spell or {}).get(value, value))
    book.save(path)


def passed(index: int) -> bool | None:
    """None: no grade at all."""
    if index in (3, 50):
        return None
    return index % 15 != 7


def grade_csv(path: Path) -> Path:
    """A grade sheet as `lunxun results` writes it (its columns, UTF-8 with BOM)."""
    lines = ["姓名,单位,编号,题库,得分,是否及格,用时,完成时间,作答次数,最高分,来源"]
    for index in range(90):
        outcome = passed(index)
        if outcome is None:
            continue
        p = person(index)
        score = 85 if outcome else 40
        lines.append(f"{p['name']},{p['unit']},{p['id']},结业测试,{score},{'及格' if outcome else '不及格'},"
                     f"20分,2026-09-02 17:00,1,{score},chat.txt:{index + 1}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path
