"""A cohort of 90, from the department's spreadsheet to the archive, with the exam and evaluation
codes made by the built site's own pages in Chromium.

The organiser imports the organisation department's list (a title row, a notes row, notes in the
header cells, columns lunxun leaves out) with `lunxun roster import`, issues tickets
(`lunxun exam tickets`), generates the attendance workbook (`lunxun attendance sheet`), which the
class teacher fills here with every mark, and builds the site (`lunxun build`). Then 86 of the 90
take the ticketed exam and 84 fill the ticketed 培训质量测评 page, one after the other on one phone
whose storage is cleared between them; every LX2 and LE1 code is the page's own. The controls are
driven through the DOM, one script per form, so that 170 forms take about a minute (the real touch
on these pages is tests/browser/test_rotation_whole_cohort.py). Then the organiser's commands:
`attendance read`, `results --roster`, `evaluation read`, `report` (the ledger and the 情况报表)
and `archive`. Every figure checked is computed here from the plan below, with plain loops;
generated workbooks are read back with python-calamine, a second reader.
"""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
import yaml
from cohort_run_support import lunxun, rows_of, ticket_secrets
from exam_support import SAMPLE
from python_calamine import CalamineWorkbook
from site_support import wechat_phone
from test_quiz_support import current, storage

PROGRAMME, COHORT, EXAM, DAY = "cun-shuji", "2026-03", "jieye-ceshi", "2026-10-16"
ROSTERS = f"rosters/{PROGRAMME}"
SCHEDULE = f"""\
title: 村（社区）党组织书记调解能力轮训班
audience: [村党组织书记, 社区党组织书记]
organizer: 某县委组织部
summary: 两天：专题辅导、经验交流和结业测试。
hours: 10
completion:
  attendance: 80
  quizzes: [{EXAM}]
  quiz_hours: {{{EXAM}: 2}}
evaluation: {{tickets: true, threshold: 4}}
days:
  - title: 学方法
    sessions:
      - {{time: "08:30-09:30", kind: 开班式, title: 开班动员, speaker: 县委组织部负责同志}}
      - {{time: "09:30-11:30", kind: 专题辅导, title: 听情工作法, speaker: 县委党校教师, methods: [tingqing]}}
      - {{time: "14:00-17:00", kind: 专题辅导, title: 分级处置法, speaker: 县委政法委负责同志, methods: [fenji]}}
  - title: 交流与结业
    sessions:
      - {{time: "09:00-11:00", kind: 经验介绍, title: 调解经验交流, speaker: 县委党校教师}}
      - {{time: "14:00-16:00", kind: 测验, title: 结业测试, quizzes: [{EXAM}]}}
cohorts:
  - {{id: "{COHORT}", name: 第三期, start: 2026-10-15, place: 县委党校, capacity: 90}}
"""
BANK = """\
title: 结业测试
mode: exam
grading: trainer
tickets: true
pass_mark: 60
questions:
  - {id: q1, type: single, stem: 调解纠纷时先做什么？, options: [听取诉求, 直接裁决, 上报了事], answer: A}
  - {id: q2, type: judge, stem: 调解可以不听当事人陈述。, answer: 错}
  - {id: q3, type: blank, stem: 调解的第一步是 ____ 当事人的诉求。, answer: [[倾听, 听取]]}
"""
HOURS = [1, 2, 3, 2, 2]  # each session's 学时, from its times above
TOTAL = sum(HOURS)
DATES = ["2026-10-15"] * 3 + ["2026-10-16"] * 2
TIMES = ["08:30-09:30", "09:30-11:30", "14:00-17:00", "09:00-11:00", "14:00-16:00"]
TITLES = ["开班动员", "听情工作法", "分级处置法", "调解经验交流", "结业测试"]
RATED = [2, 3, 4]  # the sessions the evaluation asks about (专题辅导, 经验介绍)
SPEAKERS = {2: "县委党校教师", 3: "县委政法委负责同志", 4: "县委党校教师"}
QUIZ_HOURS, THRESHOLD, ANNUAL, MIN_RATE = 2, 4, 90, 80
MARKS = ("到", "迟到", "早退", "请假", "缺勤")
PRESENT = ("到", "迟到", "早退")
CATEGORIES = ("村党组织书记", "社区党组织书记")

SURNAMES = ["欧阳", "司马", "上官", "诸葛", "皇甫", "东方", "慕容", "令狐", "公孙", "长孙"]
GIVEN = ["望舒", "听澜", "怀瑾", "若谷", "静姝", "致远", "清和", "景行", "思齐"]
UNITS = [f"{town}镇{village}村" for town in ("石塘", "枫岭", "桂湾") for village in ("前溪", "后垄")]
COUNT = 90


def name(i: int) -> str:
    return SURNAMES[i // 9] + GIVEN[i % 9]


def ident(i: int) -> str:
    return f"LX26{i + 1:03d}"


def unit(i: int) -> str:
    return UNITS[i % 6]


def category(i: int) -> str:
    return "社区党组织书记" if i % 3 == 0 else "村党组织书记"


# The class teacher's marks where they are not 到 (trainee → session → mark).
SPECIAL = {
    80: {2: "请假"}, 81: {2: "请假"}, 82: {2: "请假"}, 83: {2: "请假"},  # 2 学时 leave: over 10/7
    84: {1: "请假"},  # 1 学时 leave: within 10/7
    85: {3: "缺勤"}, 86: {3: "缺勤"},  # 70%: below 80%
    87: {1: "迟到", 4: "缺勤"},  # exactly 80%
    88: {1: "请假", 4: "缺勤"},  # 70% with leave within the rule
    89: {5: "缺勤"},  # missed the exam session and the exam
}


def mark(i: int, session: int) -> str:
    if i in SPECIAL:
        return SPECIAL[i].get(session, "到")
    if i % 10 == 1 and session == 2:
        return "迟到"
    if i % 10 == 2 and session == 3:
        return "早退"
    return "到"


def hours_where(i: int, marks: tuple[str, ...]) -> float:
    return sum(h for s, h in enumerate(HOURS, start=1) if mark(i, s) in marks)


ABSENT = {3, 50, 77, 89}  # did not sit the exam
SILENT = {10, 20}  # sat the exam but sent no evaluation
RIGHT = {"q1": ("single", "听取诉求"), "q2": ("judge", "错误"), "q3": ("blank", ["倾听"])}
WRONG = {"q1": ("single", "直接裁决"), "q2": ("judge", "正确"), "q3": ("blank", ["不知道"])}
COMMENTS = {0: "希望多安排现场观摩", 45: "分级处置法的案例可以再多一些"}


def wrong(i: int) -> tuple[str, ...] | None:
    """The questions trainee i answers wrong; None: did not sit the exam."""
    if i in ABSENT:
        return None
    return {4: ("q3",), 7: ("q1", "q2"), 11: ("q1", "q2", "q3")}.get(i % 15, ())


def score(i: int) -> float | None:
    missed = wrong(i)
    return None if missed is None else round(100 * (3 - len(missed)) / 3, 1)


def passed(i: int) -> bool:
    marked = score(i)
    return marked is not None and marked >= 60


def evaluates(i: int) -> bool:
    return i not in ABSENT and i not in SILENT


def rating(i: int, session: int, aspect: int) -> int:
    """What trainee i gives one session on one aspect: 分级处置法 is rated low."""
    if session == 3:
        return 2 + (i + aspect) % 3
    return 5 if (i + aspect) % 3 else 4


def overall(i: int) -> int:
    return 4 + i % 2


def reasons(i: int) -> list[str]:
    """Why trainee i is not 销号, in the ledger's order: attendance, leave, the exam."""
    why = []
    rate = 100 * hours_where(i, PRESENT) / TOTAL
    if rate < MIN_RATE:
        why.append(f"出勤率 {rate:.1f}%，低于要求的 {MIN_RATE}%")
    leave = hours_where(i, ("请假",))
    if leave > TOTAL / 7:
        why.append(f"请假 {leave:g} 学时，超过本期 {TOTAL} 学时的 1/7（{TOTAL / 7:.2f} 学时）")
    if score(i) is None:
        why.append(f"没有 {EXAM} 的成绩")
    elif not passed(i):
        why.append(f"{EXAM} 未及格（{score(i):g} 分）")
    return why


def department_sheet(path: Path) -> Path:
    """The organisation department's list: a title, a notes row, notes in the header, extra columns."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "学员名单"
    sheet.append(["2026年第三期村（社区）党组织书记调解能力轮训班学员名单"])
    sheet.append(["填报说明：带*的为必填项，学员编号由组织部统一编定，请勿改动"])
    sheet.append(["序号", "姓名（必填）", "性别", "工作单位", "现任职务", "学员类别*", "学员编号(勿改)", "身份证号"])
    for i in range(COUNT):
        sheet.append([i + 1, name(i), "女" if i % 2 else "男", unit(i), "党组织书记", category(i), ident(i),
                      f"36012319700101{i:04d}"])
    book.save(path)
    return path


def fill_attendance(path: Path) -> None:
    """The class teacher fills the generated workbook: every trainee, every session."""
    book = openpyxl.load_workbook(path)
    sheet = book["考勤"]
    assert sheet.max_row == 3 + COUNT
    for row in range(4, 4 + COUNT):
        i = int(str(sheet.cell(row, 1).value)[4:]) - 1
        for session in range(1, len(HOURS) + 1):
            sheet.cell(row, 3 + session, mark(i, session))
    book.save(path)


def fresh(page, url: str) -> None:
    """The next trainee's phone: nothing left from the one before."""
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.goto(url)


# One trainee's answers, through the DOM, question after question as the page shows them, then
# 交卷 and 确定交卷: plan[id] is (kind, value) as in RIGHT and WRONG.
ANSWER = """([order, plan]) => {
  const main = document.querySelector('.lx-main');
  const press = (scope, text) => [...scope.querySelectorAll('button')].find(b => b.textContent.trim() === text).click();
  order.forEach((id, k) => {
    const [kind, value] = plan[id];
    if (kind === 'blank') {
      value.forEach((text, j) => {
        const box = main.querySelector(`input[aria-label="第 ${j + 1} 空"]`);
        box.value = text;
        box.dispatchEvent(new Event('input', {bubbles: true}));
      });
    } else {
      const option = [...main.querySelectorAll('.lx-opt')].find(o => o.textContent.trim().endsWith(value));
      option.querySelector('input').click();
    }
    press(main.querySelector('.lx-nav'), k < order.length - 1 ? '下一题' : '交卷');
  });
  press(document, '确定交卷');
}"""


# The ticket typed into the exam's start form, then 开始考试.
START = """([number, secret]) => {
  const labels = [...document.querySelectorAll('label')];
  const type = (text, value) => {
    const box = labels.find(l => l.textContent.trim().startsWith(text)).control;
    box.value = value;
    box.dispatchEvent(new Event('input', {bubbles: true}));
  };
  type('准考证号', number);
  type('密码', secret);
  [...document.querySelectorAll('button')].find(b => b.textContent.trim() === '开始考试').click();
}"""


def take_exam(page, url: str, i: int, secret: str) -> str:
    fresh(page, url + f"quizzes/{EXAM}/")
    page.evaluate(START, [ident(i), secret])
    current(page).locator(".lx-q").first.wait_for()
    order = storage(page, f"attempt:{EXAM}")["order"]
    page.evaluate(ANSWER, [order, {q: (WRONG if q in (wrong(i) or ()) else RIGHT)[q] for q in order}])
    result = page.locator(".lx-result")
    result.wait_for()
    return result.get_by_label("成绩码", exact=True).input_value()


# One trainee's evaluation through the DOM: the ticket, every rating (picks[g][a] is the score 1–5
# for group g, aspect a; the last group is the overall score), the comment, then 生成测评码.
EVALUATE = """([number, secret, picks, comment]) => {
  const labels = [...document.querySelectorAll('label')];
  const field = text => labels.find(l => l.textContent.trim().startsWith(text)).control;
  const type = (box, text) => { box.value = text; box.dispatchEvent(new Event('input', {bubbles: true})); };
  type(field('准考证号'), number);
  type(field('密码'), secret);
  const groups = document.querySelectorAll('.lx-eval-session');
  picks.forEach((aspects, g) => {
    const scales = groups[g].querySelectorAll('.lx-rc-scale');
    aspects.forEach((value, a) => (scales.length ? scales[a] : groups[g]).querySelectorAll('label')[value - 1].click());
  });
  if (comment) type(field('意见建议'), comment);
  [...document.querySelectorAll('button')].find(b => b.textContent.trim() === '生成测评码').click();
}"""


def evaluate(page, url: str, i: int, secret: str) -> str:
    fresh(page, url + f"programmes/{PROGRAMME}/{COHORT}-pingjia/")
    assert page.locator(".lx-eval-session").count() == len(RATED) + 1
    picks = [[rating(i, s, a) for a in range(3)] for s in RATED] + [[overall(i)]]
    page.evaluate(EVALUATE, [ident(i), secret.lower(), picks, COMMENTS.get(i, "")])
    page.locator(".lx-rc-status").get_by_text("测评码已生成，谢谢").wait_for()
    return page.locator(".lx-rc-code").input_value()


@dataclass
class Run:
    root: Path
    site: Path
    grades: Path
    outputs: dict[str, str]  # command → what it printed
    seconds: dict[str, float]  # stage → how long it took


@pytest.fixture(scope="module")
def run(browser, serve, tmp_path_factory: pytest.TempPathFactory) -> Run:
    clock = time.monotonic()
    seconds: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        seconds[stage] = round(time.monotonic() - clock, 1)
        clock = time.monotonic()

    tmp = tmp_path_factory.mktemp("cohort-of-90")
    root = tmp / "proj"
    shutil.copytree(SAMPLE, root)
    (root / f"content/curricula/{PROGRAMME}.yaml").write_text(SCHEDULE, encoding="utf-8")
    (root / f"quizzes/{EXAM}.yaml").write_text(BANK, encoding="utf-8")
    at = ("--root", str(root))
    roster = f"{root}/{ROSTERS}/{COHORT}.yaml"
    imported = lunxun("roster", "import", str(department_sheet(tmp / "学员名单.xlsx")), PROGRAMME, COHORT, *at)
    outputs = {"import": imported.stdout + imported.stderr}
    lunxun("exam", "tickets", roster, *at)
    slips = (root / ROSTERS / f"{COHORT}-准考证.html").read_text(encoding="utf-8")
    secrets = ticket_secrets(slips, (ident(i) for i in range(COUNT)))
    lunxun("attendance", "sheet", PROGRAMME, COHORT, *at)
    fill_attendance(root / ROSTERS / f"{COHORT}-考勤.xlsx")
    for k, essay in enumerate(("学习体会一.txt", "学习体会二.txt")):
        folder = root / ROSTERS / f"{COHORT}-体会"
        folder.mkdir(exist_ok=True)
        (folder / essay).write_text(f"第{k + 1}篇体会：先听后办。\n", encoding="utf-8")
    lap("commands before the build")
    site = tmp / "site"
    lunxun("build", "-f", str(root / "mkdocs.yml"), "-d", str(site), "--strict")
    url = serve(site)
    lap("build")

    exam_codes, evaluation_codes = [], []
    with wechat_phone(browser) as phone:
        phone.goto(url)
        for i in range(COUNT):
            if wrong(i) is not None:
                exam_codes.append((i, take_exam(phone, url, i, secrets[ident(i)])))
        lap("exam pages")
        for i in range(COUNT):
            if evaluates(i):
                evaluation_codes.append(evaluate(phone, url, i, secrets[ident(i)]))
        lap("evaluation pages")
    assert [c[:3] for _, c in exam_codes] == ["LX2"] * 86
    assert [c[:3] for c in evaluation_codes] == ["LE1"] * 84
    assert len(set(evaluation_codes)) == 84

    # What reaches the organiser: chats pasted into text files, with the chat around the codes.
    exam_chat = tmp / "考试群.txt"
    exam_chat.write_text("".join(f"{name(i)} 15:{i % 60:02d}\n{code}\n" for i, code in exam_codes), encoding="utf-8")
    evaluation_chat = tmp / "测评群.txt"
    evaluation_chat.write_text("".join(f"学员 16:{k % 60:02d}\n{code}\n" for k, code in enumerate(evaluation_codes)),
                               encoding="utf-8")
    outputs |= {
        "attendance": lunxun("attendance", "read", PROGRAMME, COHORT, "--date", DAY, *at).stdout,
        "results": lunxun("results", str(exam_chat), "--roster", roster, "-o", str(tmp / "成绩"), *at).stdout,
        "evaluation": lunxun("evaluation", "read", PROGRAMME, "--codes", str(evaluation_chat), "--date", DAY,
                             *at).stdout,
    }
    grades = tmp / "成绩" / "grades.xlsx"
    outputs["report"] = lunxun("report", PROGRAMME, "--grades", str(grades), "--evaluation-codes",
                               str(evaluation_chat), "--date", DAY, *at).stdout
    outputs["archive"] = lunxun("archive", PROGRAMME, COHORT, "--grades", str(grades), "--evaluation-codes",
                                str(evaluation_chat), "--date", DAY, *at).stdout
    lap("commands after the run")
    print("\nstages (s):", seconds)
    return Run(root, site, grades, outputs, seconds)


def test_the_plan_itself() -> None:
    """Checks on the hand computation: every mark used, the groups the assertions below rely on."""
    used = {mark(i, s) for i in range(COUNT) for s in range(1, 6)}
    assert used == set(MARKS)
    assert [i for i in range(COUNT) if hours_where(i, ("请假",)) > TOTAL / 7] == [80, 81, 82, 83]
    assert [i for i in range(COUNT) if 100 * hours_where(i, PRESENT) / TOTAL < MIN_RATE] == [85, 86, 88]
    assert sum(1 for i in range(COUNT) if wrong(i) is not None) == 86
    assert sum(1 for i in range(COUNT) if score(i) is not None and not passed(i)) == 12
    assert [i for i in range(COUNT) if len(reasons(i)) > 1] == [82, 86]
    assert sum(1 for i in range(COUNT) if not reasons(i)) == 69


def test_the_roster_from_the_department_sheet(run: Run) -> None:
    data = yaml.safe_load((run.root / ROSTERS / f"{COHORT}.yaml").read_text(encoding="utf-8"))
    assert [(t["id"], t["name"], t["unit"], t["category"], t["gender"], t["post"]) for t in data["trainees"]] == [
        (ident(i), name(i), unit(i), category(i), "女" if i % 2 else "男", "党组织书记") for i in range(COUNT)]
    assert "身份证号" in run.outputs["import"] and "36012319700101" not in str(data)


def tally() -> str:
    """Every mark counted over the whole workbook, as the attendance lines say it."""
    counts = [sum(1 for i in range(COUNT) for s in range(1, 6) if mark(i, s) == m) for m in MARKS]
    return "，".join(f"{m} {n} 人次" for m, n in zip(MARKS, counts))


def test_attendance_read_from_the_workbook(run: Run) -> None:
    out = run.outputs["attendance"]
    lines = out.splitlines()
    assert lines[0] == "第三期：已记录 5/5 个课次。"
    for session in range(1, 6):
        present = sum(1 for i in range(COUNT) if mark(i, session) in PRESENT)
        assert lines[session].endswith(f"出勤率 {100 * present / COUNT:.1f}%"), lines[session]
    attended = sum(hours_where(i, PRESENT) for i in range(COUNT))
    assert f"全班出勤率（按学时）：{100 * attended / (TOTAL * COUNT):.1f}%；{tally()}" in out
    assert [line.strip() for line in lines if "请假超过" in line] == [
        f"请假超过 1/7 学时：{ident(i)} {name(i)}（请假 2 学时）" for i in (80, 81, 82, 83)]


def test_the_grade_sheet_from_the_exam_codes(run: Run) -> None:
    rows = rows_of(run.grades, "成绩")
    header = rows[0]
    got = {row[header.index("编号")]: row for row in rows[1:]}
    sat = [i for i in range(COUNT) if score(i) is not None]
    assert sorted(got) == sorted(ident(i) for i in sat)
    for i in sat:
        row = got[ident(i)]
        assert (row[header.index("姓名")], row[header.index("单位")]) == (name(i), unit(i))
        assert row[header.index("得分")] == score(i), i
        assert row[header.index("是否及格")] == ("及格" if passed(i) else "不及格"), i
        assert row[header.index("学时")] == (QUIZ_HOURS if passed(i) else 0), i
    assert "读取 1 个文件，找到 86 个成绩码：有效 86 个" in run.outputs["results"]


def test_the_ledger(run: Run) -> None:
    report = run.root / ROSTERS / f"报表/情况报表-{DAY}.xlsx"
    rows = rows_of(report, "建帐销号台账")
    by_id = {row[1]: dict(zip(rows[1], row)) for row in rows[2:]}
    assert sorted(by_id) == [ident(i) for i in range(COUNT)]
    for i in range(COUNT):
        row = by_id[ident(i)]
        assert (row["期次"], row["姓名"], row["单位"], row["类别"]) == ("第三期", name(i), unit(i), category(i))
        assert row["出勤率%"] == round(100 * hours_where(i, PRESENT) / TOTAL, 1), i
        assert row[f"{EXAM} 得分"] == ("—" if score(i) is None else score(i)), i
        assert row["状态"] == ("未销号" if reasons(i) else "已销号"), i
        assert row["未销号原因"] == "；".join(reasons(i)), i
        classroom, quiz = hours_where(i, PRESENT), QUIZ_HOURS if passed(i) else 0
        assert (float(row["课堂学时"]), float(row["测验学时"])) == (classroom, quiz), i
        assert float(row["已得学时"]) == float(row["本年累计学时"]) == classroom + quiz, i
        assert float(row["年度要求学时"]) == ANNUAL and float(row["尚差学时"]) == ANNUAL - classroom - quiz, i
        assert float(row["请假学时"]) == hours_where(i, ("请假",)), i
        assert [float(row[m]) for m in MARKS] == [sum(1 for s in range(1, 6) if mark(i, s) == m) for m in MARKS], i
    # by hand: everyone present 10 学时; 87 (a late start and 2 学时 absent) 8 + 2; 88 7 + 2
    assert (by_id["LX26001"]["已得学时"], by_id["LX26088"]["已得学时"], by_id["LX26089"]["已得学时"]) == (
        "12", "10", "9")
    outstanding = rows_of(report, "未销号名单")[2:]
    assert [row[1] for row in outstanding] == [ident(i) for i in range(COUNT) if reasons(i)]
    certificates = rows_of(report, "结业证书名单")[2:]
    assert certificates == [
        [f"{PROGRAMME}-{COHORT}-{ident(i)}", name(i), unit(i), category(i), "村（社区）党组织书记调解能力轮训班", "",
         "第三期", "2026-10-15 至 2026-10-16", f"{hours_where(i, PRESENT) + QUIZ_HOURS:g}", str(QUIZ_HOURS)]
        for i in range(COUNT) if not reasons(i)]
    hours = {row[1]: row for row in rows_of(report, "成绩与学时")[2:]}
    assert sorted(hours) == [ident(i) for i in range(COUNT)]
    for i in range(COUNT):
        classroom, quiz = hours_where(i, PRESENT), QUIZ_HOURS if passed(i) else 0
        graded = ["—", "无成绩", "0"] if score(i) is None else [score(i), "及格" if passed(i) else "不及格", f"{quiz}"]
        assert hours[ident(i)][4:] == [*graded, f"{classroom:g}", f"{quiz}", f"{classroom + quiz:g}"], i
    assert f"已销号 69 人，未销号 {COUNT - 69} 人" in run.outputs["report"]


def expected_row(kind: str, label: str, members: list[int]) -> list[object]:
    done = [i for i in members if not reasons(i)]
    sat = [i for i in members if score(i) is not None]
    good = [i for i in sat if passed(i)]
    attended = sum(hours_where(i, PRESENT) for i in members)
    return [kind, label, len(members), len(members), len(done), len(members) - len(done), 0,
            round(100 * len(done) / len(members), 1), round(100 * attended / (TOTAL * len(members)), 1),
            len(sat), len(good), round(100 * len(good) / len(sat), 1),
            round(sum(score(i) for i in sat) / len(sat), 1)]  # type: ignore[misc]


def test_the_report_per_cohort_unit_and_category(run: Run) -> None:
    report = run.root / ROSTERS / f"报表/情况报表-{DAY}.xlsx"
    everyone = list(range(COUNT))
    want = [expected_row("期次", "第三期", everyone)]
    want += [expected_row("单位", u, [i for i in everyone if unit(i) == u]) for u in sorted(UNITS)]
    want += [expected_row("类别", c, [i for i in everyone if category(i) == c]) for c in sorted(CATEGORIES)]
    want.append(expected_row("合计", "全部", everyone))
    counts = (2, 3, 4, 5, 6, 9, 10)
    got = [[int(v) if c in counts and isinstance(v, float) and v.is_integer() else v for c, v in enumerate(row)]
           for row in rows_of(report, "情况报表")[2:]]
    assert got == want
    sessions = rows_of(report, "课次出勤")[2:]
    assert [(row[1], row[2], row[4], row[5], row[6]) for row in sessions] == [
        (DATES[s - 1], TIMES[s - 1], TITLES[s - 1], str(HOURS[s - 1]),
         round(100 * sum(1 for i in everyone if mark(i, s) in PRESENT) / COUNT, 1)) for s in range(1, 6)]
    page = (run.root / ROSTERS / f"报表/情况报表-{DAY}.html").read_text(encoding="utf-8")
    assert "@page { size: A4" in page and f"统计截至 {DAY}" in page and "<h2>测评课次</h2>" in page
    # the printable page holds the same figures, row by row
    assert html_rows(page, "情况报表") == [[f"{v:.1f}" if isinstance(v, float) else str(v) for v in row]
                                        for row in want]
    assert [row[1] for row in html_rows(page, "未销号名单")] == [ident(i) for i in everyone if reasons(i)]


def html_rows(page: str, section: str) -> list[list[str]]:
    """The body rows of one section's table on the printable page, as cell texts."""
    part = page.split(f"<h2>{section}</h2>", 1)[1].split("<h2>", 1)[0]
    body = part.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def aspect_means(sessions: list[int]) -> list[float]:
    """内容、授课、实用: each aspect's mean over the given sessions and everyone who evaluated."""
    means = []
    for aspect in range(3):
        scores = [rating(i, s, aspect) for i in range(COUNT) if evaluates(i) for s in sessions]
        means.append(round(sum(scores) / len(scores), 2))
    return means


def expected_means() -> tuple[dict[int, list[int]], dict[str, list[int]]]:
    by_session: dict[int, list[int]] = {s: [] for s in RATED}
    by_speaker: dict[str, list[int]] = {}
    for i in range(COUNT):
        if evaluates(i):
            for s in RATED:
                scores = [rating(i, s, a) for a in range(3)]
                by_session[s] += scores
                by_speaker.setdefault(SPEAKERS[s], []).extend(scores)
    return by_session, by_speaker


def test_the_evaluation_means_flags_and_response_rate(run: Run) -> None:
    by_session, by_speaker = expected_means()
    low_sessions = [s for s in RATED if sum(by_session[s]) / len(by_session[s]) < THRESHOLD]
    low_speakers = [p for p, scores in by_speaker.items() if sum(scores) / len(scores) < THRESHOLD]
    assert (low_sessions, low_speakers) == ([3], ["县委政法委负责同志"])
    out = run.outputs["evaluation"]
    assert f"1 期共收回测评 84 份（回收率 {100 * 84 / COUNT:.1f}%）" in out
    assert f"第1天 14:00-17:00 分级处置法：均分 {sum(by_session[3]) / len(by_session[3]):.2f}，低于 4 分" in out
    scores = by_speaker["县委政法委负责同志"]
    assert f"县委政法委负责同志：均分 {sum(scores) / len(scores):.2f}，低于 4 分" in out
    assert out.count("低于 4 分") == 2
    for summary in (run.root / ROSTERS / f"报表/测评汇总-{DAY}.xlsx", run.root / ROSTERS / f"报表/情况报表-{DAY}.xlsx"):
        book = CalamineWorkbook.from_path(str(summary))
        prefix = "" if "测评汇总" in summary.name else "测评"
        sessions = book.get_sheet_by_name(prefix + "课次").to_python()[2:]
        assert [row[0] for row in sessions] == [f"第{1 if s < 4 else 2}天 {TIMES[s - 1]} {TITLES[s - 1]}"
                                                for s in RATED]
        for row, s in zip(sessions, RATED):
            scores = by_session[s]
            assert row[1] == 84.0 and row[5] == round(sum(scores) / len(scores), 2), (summary.name, s)
            assert row[2:5] == aspect_means([s])
            assert row[6:11] == [float(scores.count(n)) for n in range(1, 6)]
            assert row[11] == ("低于 4 分" if s in low_sessions else "")
        speakers = {row[0]: row for row in book.get_sheet_by_name(prefix + "主讲人").to_python()[2:]}
        assert set(speakers) == set(by_speaker)
        for speaker, scores in by_speaker.items():
            sessions_of = [s for s in RATED if SPEAKERS[s] == speaker]
            assert speakers[speaker][1] == 84.0 * len(sessions_of)
            assert speakers[speaker][2:5] == aspect_means(sessions_of)
            assert speakers[speaker][5] == round(sum(scores) / len(scores), 2)
            assert speakers[speaker][6:11] == [float(scores.count(n)) for n in range(1, 6)]
            assert (speakers[speaker][11] == "低于 4 分") == (speaker in low_speakers)
        total = book.get_sheet_by_name(prefix + "总体").to_python()[2]
        overall_scores = [overall(i) for i in range(COUNT) if evaluates(i)]
        assert total == [1.0, float(COUNT), 84.0, f"{100 * 84 / COUNT:.1f}%",
                         round(sum(overall_scores) / len(overall_scores), 2),
                         *(float(overall_scores.count(n)) for n in range(1, 6))]
        comments = book.get_sheet_by_name(prefix + "意见建议").to_python()[2:]
        assert [row[1] for row in comments] == list(COMMENTS.values())


def test_the_archive(run: Run) -> None:
    folder = run.root / ROSTERS / "档案" / COHORT
    with zipfile.ZipFile(folder.with_name(f"{COHORT}.zip")) as bundle:
        names = sorted(bundle.namelist())
    assert names == sorted(f"{COHORT}/{file}" for file in (
        "档案总览.html", "学员名册.xlsx", "情况报表.xlsx", "情况报表.html", "成绩表.xlsx", "测评汇总.xlsx",
        "考勤表.xlsx", "学习体会/学习体会一.txt", "学习体会/学习体会二.txt"))
    assert (folder / "考勤表.xlsx").read_bytes() == (run.root / ROSTERS / f"{COHORT}-考勤.xlsx").read_bytes()
    assert rows_of(folder / "考勤表.xlsx", "考勤")[3:] == [
        [ident(i), name(i), unit(i), *(mark(i, s) for s in range(1, 6))] for i in range(COUNT)]
    assert [row[1:3] for row in rows_of(folder / "学员名册.xlsx", "学员名册")[1:]] == [
        [ident(i), name(i)] for i in range(COUNT)]
    sat = [i for i in range(COUNT) if score(i) is not None]
    pass_rate = 100 * sum(1 for i in sat if passed(i)) / len(sat)
    overall_scores = [overall(i) for i in range(COUNT) if evaluates(i)]
    overview = (folder / "档案总览.html").read_text(encoding="utf-8")
    done = [i for i in range(COUNT) if not reasons(i)]
    attended = sum(hours_where(i, PRESENT) for i in range(COUNT))
    quiz_hours = sum(QUIZ_HOURS for i in range(COUNT) if passed(i))
    figures = {
        "计划人数": COUNT, "参训人数": COUNT, "已销号（结业）": len(done), "未销号": COUNT - len(done),
        "结业率": f"{100 * len(done) / COUNT:.1f}%", "出勤率（按学时）": f"{100 * attended / (TOTAL * COUNT):.1f}%",
        "参考人数": len(sat), "考试通过率": f"{pass_rate:.1f}%", "本期学时": TOTAL,
        "测验另计学时": f"通过 {EXAM} 计 {QUIZ_HOURS} 学时", "已得测验学时（人均）": f"{quiz_hours / COUNT:.2f}",
        "结业证书": f"{len(done)} 人，名单见 情况报表.xlsx 的“结业证书名单”", "考勤": tally(),
        "培训质量测评": f"收回 84 份（回收率 {100 * 84 / COUNT:.1f}%），总体评价均分 "
                        f"{sum(overall_scores) / len(overall_scores):.2f}；"
                        "低于 4 分：第1天 14:00-17:00 分级处置法、县委政法委负责同志",
    }
    for label, value in figures.items():
        assert f"<th>{label}</th><td>{value}</td>" in overview, label
    assert "已生成培训档案" in run.outputs["archive"]


def test_the_built_site_holds_no_name_id_or_unit_from_the_roster(run: Run) -> None:
    texts = 0
    for file in run.site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js", ".json", ".xml", ".txt", ".ics", ".css", ".md"):
            text = file.read_text(encoding="utf-8", errors="replace")
            texts += 1
            for i in range(COUNT):
                assert name(i) not in text and ident(i) not in text and unit(i) not in text, (file, i)
    assert texts > 20 and not any(run.site.rglob("rosters"))

