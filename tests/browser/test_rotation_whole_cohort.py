"""One whole cohort, end to end, from one real browser run, with nothing made by hand in between.

The organiser imports the organisation department's spreadsheet (`lunxun roster import`), issues
tickets (`lunxun exam tickets`) and builds the site. On phones in WeChat (360 px): the class
teacher's 点名 page records every session and yields two LA1 codes (the second corrects the
first); five trainees take the ticketed exam and send LX2 codes (one fails, the sixth is absent);
five fill the ticketed 培训质量测评 page and send LE1 codes. Then the organiser's commands read
what was sent: the roll-call codes pasted where the guide says, `lunxun results --roster`,
`lunxun evaluation read --codes --roster`, and `lunxun report` and `lunxun archive` with the grade
sheet and the evaluation codes. Every figure checked is computed here from the plan below.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
import yaml
from cohort_run_support import lunxun, rows_of, ticket_secrets
from conftest import build_project
from exam_support import SAMPLE, exam_bank
from python_calamine import CalamineWorkbook
from site_support import wechat_phone
from test_quiz_support import answer, current, storage

PROGRAMME, COHORT, EXAM, DAY = "cun-ganbu", "2026-01", "jieye-kaoshi", "2026-09-08"
ROSTERS = f"rosters/{PROGRAMME}"
SCHEDULE = f"""\
title: 村干部矛盾调解培训班
audience: [村党组织书记, 社区党组织书记]
organizer: 某县委组织部
summary: 两天的小班：听课、经验交流、现场观摩和结业考试。
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
      - {{time: "14:00-16:30", kind: 专题辅导, title: 分级处置法, speaker: 县委政法委负责同志, methods: [fenji]}}
  - title: 看现场与结业
    sessions:
      - {{time: "09:00-11:00", kind: 经验介绍, title: 调解经验交流, speaker: 优秀村党组织书记}}
      - {{time: "14:00-15:30", kind: 现场观摩, title: 观摩某村调解室, speaker: 县委党校教师}}
      - {{time: "15:30-16:30", kind: 测验, title: 结业考试, quizzes: [{EXAM}]}}
cohorts:
  - {{id: "{COHORT}", name: 第一期, start: 2026-09-07, place: 县委党校, capacity: 6}}
"""
HOURS = [1, 2, 2.5, 2, 1.5, 1]  # each session's 学时, from its times above
DATES = ["2026-09-07"] * 3 + ["2026-09-08"] * 3
TIMES = ["08:30-09:30", "09:30-11:30", "14:00-16:30", "09:00-11:00", "14:00-15:30", "15:30-16:30"]
TITLES = ["开班动员", "听情工作法", "分级处置法", "调解经验交流", "观摩某村调解室", "结业考试"]
RATED = [2, 3, 4, 5]  # the sessions the evaluation asks about (专题辅导, 经验介绍, 现场观摩)
SPEAKERS = {2: "县委党校教师", 3: "县委政法委负责同志", 4: "优秀村党组织书记", 5: "县委党校教师"}
QUIZ_HOURS, THRESHOLD, ANNUAL = 2, 4, 90


@dataclass(frozen=True)
class Trainee:
    name: str
    gender: str
    unit: str
    category: str
    id: str
    marks: dict[int, str]  # session → mark where it is not 到
    wrong: tuple[str, ...] | None  # questions answered wrong in the exam; None: did not sit it
    evaluates: bool


PEOPLE = [
    Trainee("欧阳明远", "男", "东塘村", "村党组织书记", "QX26001", {2: "迟到"}, (), True),
    Trainee("司马秀兰", "女", "西岭社区", "社区党组织书记", "QX26002", {1: "请假", 6: "早退"}, ("q01",), True),
    Trainee("上官志刚", "男", "南坪村", "村党组织书记", "QX26003", {4: "请假"}, (), True),  # leave over 1/7
    Trainee("诸葛春燕", "女", "北港社区", "社区党组织书记", "QX26004", {3: "缺勤"}, (), True),  # 75% attended
    Trainee("皇甫建华", "男", "中洲村", "村党组织书记", "QX26005", {}, ("q01", "q02", "q03", "q04", "q06"), True),
    Trainee("东方玉梅", "女", "上湾村", "村党组织书记", "QX26006", {}, None, False),  # absent from the exam
]
PRESENT = ("到", "迟到", "早退")
# The exam's six questions (exam_support.exam_bank(6)), answered by what is on screen: right and wrong.
RIGHT = {"q01": ("single", "听取诉求"), "q02": ("multiple", ["听", "办", "访"]), "q03": ("judge", "错误"),
         "q04": ("blank", ["倾听"]), "q05": ("order", ["听取诉求", "核实情况", "提出方案", "回访确认"]),
         "q06": ("match", [("邻里纠纷", "上门调解"), ("家庭矛盾", "亲情劝说"), ("土地争议", "依法确权")])}
WRONG = {"q01": ("single", "直接裁决"), "q02": ("multiple", ["拖"]), "q03": ("judge", "正确"),
         "q04": ("blank", ["不知道"]), "q06": ("match", [("邻里纠纷", "亲情劝说"), ("家庭矛盾", "依法确权"),
                                                     ("土地争议", "上门调解")])}
COMMENT = "希望多安排现场观摩"


def mark(k: int, session: int) -> str:
    return PEOPLE[k].marks.get(session, "到")


def hours_where(k: int, marks: tuple[str, ...]) -> float:
    return sum(h for s, h in enumerate(HOURS, start=1) if mark(k, s) in marks)


def score(k: int) -> float | None:
    wrong = PEOPLE[k].wrong
    return None if wrong is None else round(100 * (6 - len(wrong)) / 6, 1)


def passed(k: int) -> bool:
    marked = score(k)
    return marked is not None and marked >= 60


def rating(k: int, session: int, aspect: int) -> int:
    """What trainee k taps for one session and aspect: 调解经验交流 is rated low."""
    if session == 4:
        return 2 + (k + aspect) % 3
    return 5 if (k + aspect) % 3 else 4


def overall(k: int) -> int:
    return 4 + k % 2


def department_sheet(path: Path) -> Path:
    """The organisation department's list: a title row, notes in the header, a column lunxun leaves out."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年第一期村干部矛盾调解培训班学员名单"])
    sheet.append([])
    sheet.append(["序号", "姓名（必填）", "性别", "工作单位", "学员类别*", "学员编号(勿改)", "联系电话"])
    for number, p in enumerate(PEOPLE, start=1):
        sheet.append([number, p.name, p.gender, p.unit, p.category, p.id, f"1390000000{number}"])
    book.save(path)
    return path


def fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling on the phone


def roll_call(page, url: str, sessions: list[int], wrong_first: bool) -> str:
    """The teacher's taps for the given sessions, then 生成点名码; returns the code."""
    page.goto(url + f"programmes/{PROGRAMME}/{COHORT}-dianming/")
    fits(page)
    select = page.get_by_label("课次")
    for session in sessions:
        select.select_option(value=str(session))
        for k in range(len(PEOPLE)):
            want = mark(k, session)
            if wrong_first and session == 3 and k == 3:
                want = "到"  # tapped wrong on the first day, corrected before the second code
            if want != "到":
                page.get_by_role("radiogroup", name=f"{k + 1} 号", exact=True).get_by_text(want, exact=True).tap()
        page.get_by_role("button", name="未点的都记为“到”").tap()
    page.get_by_role("button", name="生成点名码").tap()
    page.locator(".lx-rc-status").get_by_text("点名码已生成").wait_for()
    return page.locator(".lx-rc-code").input_value()


def take_exam(page, url: str, number: str, secret: str, wrong: tuple[str, ...]) -> str:
    page.goto(url + f"quizzes/{EXAM}/")
    page.get_by_label("准考证号").fill(number)
    page.get_by_label("密码").fill(secret)
    page.get_by_role("button", name="开始考试").tap()
    current(page).locator(".lx-q").first.wait_for()
    fits(page)
    order = storage(page, f"attempt:{EXAM}")["order"]
    for index, qid in enumerate(order):
        answer(current(page), *(WRONG if qid in wrong else RIGHT)[qid])
        if index < len(order) - 1:
            page.get_by_role("button", name="下一题").tap()
    page.get_by_role("button", name="交卷").first.tap()
    page.get_by_role("button", name="确定交卷").tap()
    result = page.locator(".lx-result")
    result.wait_for()
    # the page cannot know the pass (the trainer grades): it says when the 学时 count
    assert f"本考试合格计 {QUIZ_HOURS} 学时：培训老师评定成绩、确认合格后计入学时" in result.text_content()
    return result.get_by_label("成绩码", exact=True).input_value()


def evaluate(page, url: str, k: int, number: str, secret: str) -> str:
    page.goto(url + f"programmes/{PROGRAMME}/{COHORT}-pingjia/")
    groups = page.locator(".lx-eval-session")
    assert groups.count() == len(RATED) + 1
    fits(page)
    page.get_by_label("准考证号").fill(number)
    page.get_by_label("密码").fill(secret)
    for g, session in enumerate(RATED):
        for aspect in range(3):
            groups.nth(g).locator(".lx-rc-scale").nth(aspect).locator("label").nth(rating(k, session, aspect) - 1).tap()
    groups.last.locator("label").nth(overall(k) - 1).tap()
    if k == 2:
        page.get_by_label("意见建议（可不填，最多 300 字）").fill(COMMENT)
    page.get_by_role("button", name="生成测评码").tap()
    page.locator(".lx-rc-status").get_by_text("测评码已生成，谢谢").wait_for()
    return page.locator(".lx-rc-code").input_value()


@dataclass
class Run:
    root: Path
    site: Path
    grades: Path
    outputs: dict[str, str]  # command → what it printed


@pytest.fixture(scope="module")
def run(browser, serve, tmp_path_factory: pytest.TempPathFactory) -> Run:
    tmp = tmp_path_factory.mktemp("whole-cohort")
    root = tmp / "proj"
    shutil.copytree(SAMPLE, root)
    (root / f"content/curricula/{PROGRAMME}.yaml").write_text(SCHEDULE, encoding="utf-8")
    bank = exam_bank(6) | {"tickets": True, "sitting": False}
    (root / f"quizzes/{EXAM}.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
    at = ("--root", str(root))
    lunxun("roster", "import", str(department_sheet(tmp / "学员名单.xlsx")), PROGRAMME, COHORT, *at)
    lunxun("exam", "tickets", f"{root}/{ROSTERS}/{COHORT}.yaml", *at)
    slips = (root / ROSTERS / f"{COHORT}-准考证.html").read_text(encoding="utf-8")
    secrets = ticket_secrets(slips, (p.id for p in PEOPLE))
    site = build_project(root, tmp / "site")
    url = serve(site)

    with wechat_phone(browser) as teacher:
        first = roll_call(teacher, url, [1, 2, 3], wrong_first=True)
        second = roll_call(teacher, url, [3, 4, 5, 6], wrong_first=False)
    exam_codes, evaluation_codes = [], []
    for k, p in enumerate(PEOPLE):
        with wechat_phone(browser) as phone:
            if p.wrong is not None:
                exam_codes.append(take_exam(phone, url, p.id, secrets[p.id], p.wrong))
            if p.evaluates:
                evaluation_codes.append(evaluate(phone, url, k, p.id, secrets[p.id].lower()))
    assert [c[:3] for c in (first, second, *exam_codes, *evaluation_codes)] == ["LA1"] * 2 + ["LX2"] * 5 + ["LE1"] * 5

    # What reaches the organiser: chats pasted into text files, with the chat around the codes.
    rollcall_chat = f"班主任 17:40\n{first}\n班主任 16:35\n刚才第三课次点错了一位，以这个为准：\n{second}\n"
    (root / ROSTERS / f"{COHORT}-点名码.txt").write_text(rollcall_chat, encoding="utf-8")  # where the guide says
    exam_chat = tmp / "考试群.txt"
    exam_chat.write_text("".join(f"{p.name} 15:5{k}\n{code}\n" for k, (p, code) in enumerate(
        zip([p for p in PEOPLE if p.wrong is not None], exam_codes))), encoding="utf-8")
    evaluation_chat = tmp / "测评群.txt"
    evaluation_chat.write_text("".join(f"学员 16:4{k}\n{code}\n" for k, code in enumerate(evaluation_codes)),
                               encoding="utf-8")

    outputs = {
        "attendance": lunxun("attendance", "read", PROGRAMME, COHORT, "--date", DAY, *at).stdout,
        "results": lunxun("results", str(exam_chat), "--roster", f"{root}/{ROSTERS}/{COHORT}.yaml",
                          "-o", str(tmp / "成绩"), *at).stdout,
        "evaluation": lunxun("evaluation", "read", PROGRAMME, "--codes", str(evaluation_chat), "--roster",
                             "--date", DAY, *at).stdout,
    }
    grades = tmp / "成绩" / "grades.xlsx"
    outputs["report"] = lunxun("report", PROGRAMME, "--grades", str(grades), "--evaluation-codes",
                               str(evaluation_chat), "--date", DAY, *at).stdout
    outputs["archive"] = lunxun("archive", PROGRAMME, COHORT, "--grades", str(grades), "--evaluation-codes",
                                str(evaluation_chat), "--date", DAY, *at).stdout
    return Run(root, site, grades, outputs)


def test_attendance_from_the_roll_call_codes(run: Run) -> None:
    lines = run.outputs["attendance"].splitlines()
    assert lines[0] == "第一期：已记录 6/6 个课次。"
    for session in range(1, 7):
        present = sum(1 for k in range(len(PEOPLE)) if mark(k, session) in PRESENT)
        assert lines[session].endswith(f"出勤率 {100 * present / len(PEOPLE):.1f}%"), lines[session]
    held = sum(HOURS) * len(PEOPLE)
    attended = sum(hours_where(k, PRESENT) for k in range(len(PEOPLE)))
    assert f"全班出勤率（按学时）：{100 * attended / held:.1f}%" in run.outputs["attendance"]
    over = [k for k in range(len(PEOPLE)) if hours_where(k, ("请假",)) > sum(HOURS) / 7]
    assert over == [2]
    assert [line.strip() for line in lines if "请假超过" in line] == [
        f"请假超过 1/7 学时：{PEOPLE[2].id} {PEOPLE[2].name}（请假 2 学时）"]


def test_the_grade_sheet_from_the_exam_codes(run: Run) -> None:
    rows = rows_of(run.grades, "成绩")
    header = rows[0]
    got = {row[header.index("编号")]: row for row in rows[1:]}
    sat = [k for k, p in enumerate(PEOPLE) if p.wrong is not None]
    assert sorted(got) == [PEOPLE[k].id for k in sat]
    for k in sat:
        row = got[PEOPLE[k].id]
        assert row[header.index("姓名")] == PEOPLE[k].name and row[header.index("单位")] == PEOPLE[k].unit
        assert row[header.index("得分")] == score(k)
        assert row[header.index("是否及格")] == ("及格" if passed(k) else "不及格")
        assert row[header.index("学时")] == (QUIZ_HOURS if passed(k) else 0)  # what the passed exam earns
    assert "读取 1 个文件，找到 5 个成绩码：有效 5 个" in run.outputs["results"]


def test_who_completed_and_why_not(run: Run) -> None:
    report = run.root / ROSTERS / f"报表/情况报表-{DAY}.xlsx"
    rows = rows_of(report, "建帐销号台账")
    by_id = {row[1]: dict(zip(rows[1], row)) for row in rows[2:]}
    assert len(by_id) == len(PEOPLE)
    total = sum(HOURS)
    why = {
        2: f"请假 2 学时，超过本期 10 学时的 1/7（{total / 7:.2f} 学时）",
        3: "出勤率 75.0%，低于要求的 80%",
        4: f"{EXAM} 未及格（{score(4):g} 分）",
        5: f"没有 {EXAM} 的成绩",
    }
    for k, p in enumerate(PEOPLE):
        row = by_id[p.id]
        assert row["姓名"] == p.name
        assert row["状态"] == ("未销号" if k in why else "已销号"), p
        assert row["未销号原因"] == why.get(k, ""), p
        classroom, quiz = hours_where(k, PRESENT), QUIZ_HOURS if passed(k) else 0
        assert (float(row["课堂学时"]), float(row["测验学时"])) == (classroom, quiz), p
        assert float(row["已得学时"]) == float(row["本年累计学时"]) == classroom + quiz, p
        assert float(row["年度要求学时"]) == ANNUAL and float(row["尚差学时"]) == ANNUAL - classroom - quiz, p
        assert float(row["请假学时"]) == hours_where(k, ("请假",))
    # by hand: 欧阳明远 10 + 2, 司马秀兰 9 + 2 (1 学时 leave is within 10/7), 诸葛春燕 7.5 + 2
    assert [by_id[p.id]["已得学时"] for p in PEOPLE] == ["12", "11", "10", "9.5", "10", "10"]
    outstanding = rows_of(report, "未销号名单")[2:]
    assert [row[1] for row in outstanding] == [PEOPLE[k].id for k in why]
    certificates = rows_of(report, "结业证书名单")[2:]
    assert [(row[1], row[8], row[9]) for row in certificates] == [("欧阳明远", "12", "2"), ("司马秀兰", "11", "2")]


def test_the_report_figures(run: Run) -> None:
    report = run.root / ROSTERS / f"报表/情况报表-{DAY}.xlsx"
    cohort = next(row for row in rows_of(report, "情况报表")[2:] if row[0] == "期次")
    sat = [k for k in range(len(PEOPLE)) if score(k) is not None]
    attended = sum(hours_where(k, PRESENT) for k in range(len(PEOPLE)))
    mean = sum(score(k) for k in sat) / len(sat)  # type: ignore[misc]
    assert cohort == ["期次", "第一期", 6.0, 6.0, 2.0, 4.0, 0.0, round(100 * 2 / 6, 1),
                      round(100 * attended / (sum(HOURS) * 6), 1), 5.0, 4.0, 80.0, round(mean, 1)]
    sessions = rows_of(report, "课次出勤")[2:]
    assert [(row[1], row[2], row[4], row[6]) for row in sessions] == [
        (DATES[s - 1], TIMES[s - 1], TITLES[s - 1],
         round(100 * sum(1 for k in range(6) if mark(k, s) in PRESENT) / 6, 1)) for s in range(1, 7)]
    assert "已销号 2 人，未销号 4 人" in run.outputs["report"]


def expected_means() -> tuple[dict[int, list[int]], dict[str, list[int]]]:
    by_session: dict[int, list[int]] = {s: [] for s in RATED}
    by_speaker: dict[str, list[int]] = {}
    for k, p in enumerate(PEOPLE):
        if not p.evaluates:
            continue
        for s in RATED:
            scores = [rating(k, s, a) for a in range(3)]
            by_session[s] += scores
            by_speaker.setdefault(SPEAKERS[s], []).extend(scores)
    return by_session, by_speaker


def test_the_evaluation_means_flags_and_response_rate(run: Run) -> None:
    by_session, by_speaker = expected_means()
    low = [s for s in RATED if sum(by_session[s]) / len(by_session[s]) < THRESHOLD]
    assert low == [4]  # 调解经验交流 only
    out = run.outputs["evaluation"]
    assert "1 期共收回测评 5 份（回收率 83.3%）" in out
    assert f"第2天 09:00-11:00 调解经验交流：均分 {sum(by_session[4]) / 15:.2f}，低于 4 分" in out
    assert f"优秀村党组织书记：均分 {sum(by_speaker['优秀村党组织书记']) / 15:.2f}，低于 4 分" in out
    assert out.count("低于 4 分") == 2
    for summary in (run.root / ROSTERS / f"报表/测评汇总-{DAY}.xlsx", run.root / ROSTERS / f"报表/情况报表-{DAY}.xlsx"):
        book = CalamineWorkbook.from_path(str(summary))
        prefix = "" if "测评汇总" in summary.name else "测评"
        sessions = book.get_sheet_by_name(prefix + "课次").to_python()[2:]
        assert [row[0] for row in sessions] == [f"第{1 if s < 4 else 2}天 {TIMES[s - 1]} {TITLES[s - 1]}"
                                                for s in RATED]
        for row, s in zip(sessions, RATED):
            scores = by_session[s]
            assert row[1] == 5.0 and row[5] == round(sum(scores) / len(scores), 2)
            assert row[6:11] == [float(scores.count(n)) for n in range(1, 6)]
            assert row[11] == ("低于 4 分" if s in low else "")
        speakers = {row[0]: row for row in book.get_sheet_by_name(prefix + "主讲人").to_python()[2:]}
        assert set(speakers) == set(by_speaker)
        for name, scores in by_speaker.items():
            assert speakers[name][5] == round(sum(scores) / len(scores), 2)
            assert (speakers[name][11] == "低于 4 分") == (name == "优秀村党组织书记")
        total = book.get_sheet_by_name(prefix + "总体").to_python()[2]
        overall_scores = [overall(k) for k, p in enumerate(PEOPLE) if p.evaluates]
        assert total[:5] == [1.0, 6.0, 5.0, "83.3%", round(sum(overall_scores) / 5, 2)]
        comments = book.get_sheet_by_name(prefix + "意见建议").to_python()[2:]
        assert [row[1] for row in comments] == [COMMENT]
    page = (run.root / ROSTERS / f"报表/情况报表-{DAY}.html").read_text(encoding="utf-8")
    assert "<h2>测评课次</h2>" in page and "低于 4 分" in page


def test_the_archive(run: Run) -> None:
    folder = run.root / ROSTERS / "档案" / COHORT
    with zipfile.ZipFile(folder.with_name(f"{COHORT}.zip")) as bundle:
        names = sorted(bundle.namelist())
    assert names == sorted(f"{COHORT}/{name}" for name in (
        "档案总览.html", "学员名册.xlsx", "情况报表.xlsx", "情况报表.html", "成绩表.xlsx", "测评汇总.xlsx",
        "点名码.txt", "考勤表.xlsx"))
    # no workbook was filled in class: the roll-call codes as sent, and the marks they gave, cell by cell
    assert (folder / "点名码.txt").read_bytes() == (run.root / ROSTERS / f"{COHORT}-点名码.txt").read_bytes()
    assert rows_of(folder / "考勤表.xlsx", "考勤")[3:] == [[p.id, p.name, p.unit, *(mark(k, s) for s in range(1, 7))]
                                                       for k, p in enumerate(PEOPLE)]
    assert [r[0] for r in rows_of(folder / "情况报表.xlsx", "测评课次")[2:]][2] == "第2天 09:00-11:00 调解经验交流"
    overview = (folder / "档案总览.html").read_text(encoding="utf-8")
    assert "<th>已销号（结业）</th><td>2</td>" in overview and "<th>考试通过率</th><td>80.0%</td>" in overview
    assert "<th>培训质量测评</th><td>收回 5 份（回收率 83.3%），总体评价均分 4.40" in overview
    assert "低于 4 分：第2天 09:00-11:00 调解经验交流、优秀村党组织书记" in overview
    assert [r[0] for r in rows_of(folder / "测评汇总.xlsx", "主讲人")[2:]] == sorted(set(SPEAKERS.values()))
    assert rows_of(folder / "学员名册.xlsx", "学员名册")[1][1:3] == [PEOPLE[0].id, PEOPLE[0].name]
    assert "已生成培训档案" in run.outputs["archive"]


def test_the_built_site_holds_no_name_or_id_from_the_roster(run: Run) -> None:
    texts = 0
    for file in run.site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js", ".json", ".xml", ".txt", ".ics", ".css", ".md"):
            text = file.read_text(encoding="utf-8", errors="replace")
            texts += 1
            for p in PEOPLE:
                assert p.name not in text and p.id not in text and p.unit not in text, (file, p)
    assert texts > 20 and not any(run.site.rglob("rosters"))
