"""Evaluation (LE1) and roll-call (LA1) codes on the trainer's side: hostile text never crashes
the decoders, pasted chats are read with file and line, and `lunxun evaluation read --codes`
and `lunxun attendance read --codes` give the figures computed here by hand."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from rotation_support import HOURS, PROGRAMME, fill, mark, person, project, roster_workbook

from generator.cli import main
from generator.grading.secret import load_secret
from generator.results.bits import ALPHABET, check_symbol, find_codes
from generator.results.tickets import load_roster as load_tickets
from generator.results.tickets import ticket_key, tickets
from generator.rotation.evaluation_code import (
    decode_evaluation_code,
    encode_evaluation_code,
)
from generator.rotation.evaluation_code import schedule_lines as evaluation_lines
from generator.rotation.rollcall_code import decode_rollcall_code, encode_rollcall_code
from generator.rotation.rollcall_code import schedule_lines as rollcall_lines
from generator.rotation.schedule import class_sessions
from generator.rotation.short_code import InvalidShortCode, cohort_tag, schedule_tag

SPEAKERS = PROGRAMME.replace("title: 第一讲}", "title: 第一讲, speaker: 甲老师}").replace(
    "title: 第二讲}", "title: 第二讲, speaker: 乙老师}").replace("title: 第三讲}", "title: 第三讲, speaker: 甲老师}")
TICKETED = SPEAKERS.replace("cohorts:", "evaluation: {tickets: true, threshold: 3.5}\ncohorts:")
# the rated sessions of the test schedule, in order
RATED = ["专题辅导", "专题辅导", "专题辅导", "分组讨论", "现场观摩"]
MINUTE = 29_600_000


def _valid(symbols: list[int], prefix: str) -> str:
    return prefix + "".join(ALPHABET[s] for s in symbols) + ALPHABET[check_symbol(symbols)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300), st.sampled_from(["LE1", "LA1", "", "le1"]))
def test_junk_never_crashes(junk: str, prefix: str) -> None:
    for decode in (decode_evaluation_code, decode_rollcall_code):
        try:
            decode(prefix + junk)
        except InvalidShortCode as error:
            assert str(error)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.integers(0, 31), min_size=0, max_size=400))
def test_random_symbols_with_a_good_check_never_crash(symbols: list[int]) -> None:
    """The check symbol holds, so every later step of the decoders meets arbitrary bits."""
    for prefix, decode in (("LE1", decode_evaluation_code), ("LA1", decode_rollcall_code)):
        try:
            decode(_valid(symbols, prefix))
        except InvalidShortCode as error:
            assert str(error) and "成绩码" not in str(error)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5)), max_size=20),
       st.integers(0, 5), st.text(max_size=300), st.integers(0, 2**32 - 1))
def test_any_evaluation_reads_back(ratings: list[tuple[int, int, int]], overall: int, comment: str,
                                   minutes: int) -> None:
    comment = "".join(c if not 0xD800 <= ord(c) < 0xE000 else "\ufffd" for c in comment)
    code = decode_evaluation_code(encode_evaluation_code(cohort_tag=1, schedule_tag=2, minutes=minutes, ratings=ratings,
                                                         overall=overall, comment=comment))
    assert (list(code.ratings), code.overall, code.comment, code.minutes) == (ratings, overall, comment, minutes)


def test_one_wrong_symbol_or_a_swap_is_caught() -> None:
    text = encode_evaluation_code(cohort_tag=1, schedule_tag=2, minutes=3, ratings=[(5, 4, 3)], overall=4, comment="好")
    body = text[3:]
    for k in range(len(body)):
        for other in "0Z":
            if body[k] != other:
                with pytest.raises(InvalidShortCode, match="校验位不符"):
                    decode_evaluation_code("LE1" + body[:k] + other + body[k + 1:])
        if k + 1 < len(body) and body[k] != body[k + 1]:
            with pytest.raises(InvalidShortCode, match="校验位不符"):
                decode_evaluation_code("LE1" + body[:k] + body[k + 1] + body[k] + body[k + 2:])


def test_a_changed_mark_with_a_mended_check_fails_the_mac() -> None:
    text = encode_rollcall_code(cohort_tag=1, schedule_tag=2, minutes=3, seats=4, marks={1: {1: "到", 2: "缺勤"}})
    symbols = [ALPHABET.index(c) for c in text[3:-1]]
    symbols[22] ^= 1  # somewhere in the marks
    with pytest.raises(InvalidShortCode):
        decode_rollcall_code(_valid(symbols, "LA1"))


def test_codes_are_found_in_chat_text_split_and_followed_by_words() -> None:
    code = encode_evaluation_code(cohort_tag=1, schedule_tag=2, minutes=3, ratings=[(5, 4, 3)] * 4, overall=4,
                                  comment="")
    chat = f"张老师 10:02\n测评码：\n{code[:20]}\n{code[20:40]} {code[40:]} 谢谢老师\n\n{code}。另一条 LE1ZZZZ\n"
    found = find_codes("LE1", chat)
    assert [(line, text) for line, text in found[:2]] == [(3, code), (6, code)]
    assert found[2][0] == 6 and found[2][1].startswith("LE1ZZZZ")


# ---- lunxun evaluation read --codes


def _tags(root: Path, cohort: str) -> tuple[int, int]:
    from generator.loading.project import load_project
    from generator.rotation.evaluation import rated_sessions

    project_, _ = load_project(root, None)
    programme = project_.programmes["banji"].model
    found = next(c for c in programme.cohorts if c.id == cohort)
    rated = rated_sessions(programme, found)
    assert [s.kind for s in rated] == RATED
    return cohort_tag("banji", cohort), schedule_tag(evaluation_lines(rated))


def _summary(root: Path, day: str) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(root / f"rosters/banji/报表/测评汇总-{day}.xlsx"))
    return {name: book.get_sheet_by_name(name).to_python() for name in ("课次", "主讲人", "总体", "意见建议")}


def _row(table: list[list[object]], label: str) -> list[object]:
    return next(r for r in table if isinstance(r[0], str) and r[0].endswith(label))


def _after(table: list[list[object]], header: str) -> list[list[object]]:
    """The rows below a table's header row (the sheet has a title above it)."""
    return table[[r[0] for r in table].index(header) + 1:]


def _with_roster(tmp_path: Path, programme: str, size: int) -> Path:
    root = project(tmp_path)
    (root / "content/curricula/banji.yaml").write_text(programme, encoding="utf-8")
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(size)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    return root


def test_evaluation_codes_are_aggregated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _with_roster(tmp_path, SPEAKERS, 10)
    cohort, schedule = _tags(root, "2026-01")
    forms = [  # (ratings of the five rated sessions, overall, comment)
        ([(5, 5, 4), (2, 3, 2), (4, 4, 4), (5, 4, 5), (3, 3, 3)], 5, "多安排案例"),
        ([(4, 4, 4), (1, 2, 2), (5, 5, 5), (0, 0, 0), (4, 4, 4)], 4, ""),
        ([(3, 4, 5), (2, 2, 3), (4, 5, 4), (4, 4, 4), (5, 5, 5)], 4, "讨论时间再长些"),
    ]
    codes = [encode_evaluation_code(cohort_tag=cohort, schedule_tag=schedule, minutes=MINUTE + k, ratings=r, overall=o,
                                    comment=c) for k, (r, o, c) in enumerate(forms)]
    other = encode_evaluation_code(cohort_tag=cohort_tag("banji", "2099-01"), schedule_tag=schedule, minutes=1,
                                   ratings=forms[0][0], overall=5, comment="")
    stale = encode_evaluation_code(cohort_tag=cohort, schedule_tag=schedule ^ 1, minutes=1, ratings=forms[0][0],
                                   overall=5, comment="")
    chat = tmp_path / "群聊.txt"
    lines = [codes[0], codes[1][:30], codes[1][30:], codes[0], "垃圾 LE1ABCDEF", other, stale, codes[2]]
    chat.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    capsys.readouterr()
    assert main(["evaluation", "read", "banji", "--root", str(root), "--codes", str(chat), "--date", "2026-09-05"]) == 0
    out, err = capsys.readouterr()
    assert f"{chat}:5: 校验位不符" in err and f"{chat}:6: 这个测评码不属于" in err
    assert f"{chat}:7: 这个测评码填写时" in err
    assert "1 期共收回测评 3 份（回收率 30.0%）" in out and "重复粘贴 1 条" in out
    tables = _summary(root, "2026-09-05")
    second = [s for r, _, _ in forms for s in r[1]]  # 第二讲, 乙老师
    assert _row(tables["课次"], "第二讲")[1:6] == [3, round(sum(s[1][0] for s, _, _ in forms) / 3, 2),
                                                 round(sum(s[1][1] for s, _, _ in forms) / 3, 2),
                                                 round(sum(s[1][2] for s, _, _ in forms) / 3, 2),
                                                 round(sum(second) / 9, 2)]
    assert _row(tables["课次"], "第二讲")[-1] == "低于 4 分"
    discussion = [s for r, _, _ in forms for s in r[3] if s]
    assert _row(tables["课次"], "讨论")[1] == 2 and _row(tables["课次"], "讨论")[5] == round(sum(discussion) / 6, 2)
    first = [s for r, _, _ in forms for k in (0, 2) for s in r[k]]  # 甲老师: 第一讲 and 第三讲
    assert _row(tables["主讲人"], "甲老师")[5] == round(sum(first) / 18, 2)
    assert _after(tables["总体"], "期次数")[0][:5] == [1, 10, 3, "30.0%", round((5 + 4 + 4) / 3, 2)]
    assert [r[1] for r in _after(tables["意见建议"], "期次")] == ["多安排案例", "讨论时间再长些"]


def test_a_ticketed_evaluation_counts_once_and_never_says_whose(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = _with_roster(tmp_path, TICKETED, 6)
    cohort, schedule = _tags(root, "2026-01")
    roster, problems = load_tickets(root / "rosters/banji/2026-01.yaml", "roster")
    assert roster is not None and not problems
    issued = tickets(roster, load_secret(root, create=True))
    low, high = [(1, 1, 1)] * 5, [(5, 5, 5)] * 5

    def code(ticket: int, ratings: list[tuple[int, int, int]], minutes: int) -> str:
        return encode_evaluation_code(cohort_tag=cohort, schedule_tag=schedule, minutes=minutes, ratings=ratings,
                                      overall=3,
                                      comment="", key=ticket_key(issued[ticket].number, issued[ticket].secret))

    later_first = code(0, high, MINUTE + 9)  # ticket 0 changed its mind: the later one counts, pasted first
    chat = tmp_path / "群聊.txt"
    forged = encode_evaluation_code(cohort_tag=cohort, schedule_tag=schedule, minutes=1, ratings=low, overall=3,
                                    comment="",
                                    key=ticket_key("A001", "0000000000"))
    unsigned = encode_evaluation_code(cohort_tag=cohort, schedule_tag=schedule, minutes=1, ratings=low, overall=3,
                                      comment="")
    chat.write_text("\n".join([later_first, code(0, low, MINUTE), code(1, low, MINUTE), later_first, forged, unsigned]),
                    encoding="utf-8")
    capsys.readouterr()
    # the cohort's roster is found without --roster, as lunxun report finds it (test_rotation_evaluation_roster.py)
    assert main(["evaluation", "read", "banji", "--root", str(root), "--codes", str(chat), "--date", "2026-09-05"]) == 0
    out, err = capsys.readouterr()
    assert f"{chat}:5: 没有一张本期准考证能验证" in err and f"{chat}:6: 本项目的测评凭准考证填写" in err
    assert "1 期共收回测评 2 份" in out and "较早的 1 份未计" in out and "重复粘贴 1 条" in out
    first = _row(_summary(root, "2026-09-05")["课次"], "第一讲")
    assert first[1] == 2 and first[5] == 3.0  # one ticket's 5 and the other's 1
    for ticket in issued:
        assert ticket.number not in out + err and ticket.name not in out + err


# ---- lunxun attendance read --codes


@pytest.fixture
def half_filled(tmp_path: Path) -> Path:
    """A cohort of 90 whose workbook holds days 1–2 (sessions 1–6) only; day 3 comes by code."""
    root = _with_roster(tmp_path, PROGRAMME, 90)
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01-考勤.xlsx"
    fill(path)
    book = openpyxl.load_workbook(path)
    for row in range(4, 94):
        for session in (7, 8):
            book["考勤"].cell(row, 3 + session).value = None
    book.save(path)
    return root


def _rollcall(root: Path, marks: dict[int, dict[int, str]], minutes: int = MINUTE, seats: int = 90) -> str:
    from generator.loading.project import load_project

    project_, _ = load_project(root, None)
    programme = project_.programmes["banji"].model
    sessions = class_sessions(programme, programme.cohorts[0])
    return encode_rollcall_code(cohort_tag=cohort_tag("banji", "2026-01"),
                                schedule_tag=schedule_tag(rollcall_lines(sessions)),
                                minutes=minutes, seats=seats, marks=marks)


def test_rollcall_codes_complete_the_workbook(half_filled: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    day3 = {s: {seat: mark(seat - 1, s) for seat in range(1, 91)} for s in (7, 8)}
    wrong = {7: {seat: "缺勤" for seat in range(1, 91)}}  # an earlier, mistaken roll call of session 7
    # a conflict: the workbook says 到 for seat 1 at session 2, the code says 缺勤
    chat = tmp_path / "点名.txt"
    chat.write_text(f"{_rollcall(half_filled, day3, MINUTE + 5)}\n{_rollcall(half_filled, wrong, MINUTE)}\n"
                    f"{_rollcall(half_filled, {2: {1: '缺勤'}})}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(half_filled), "--date", "2026-09-03",
                 "--codes", str(chat)]) == 0
    out, err = capsys.readouterr()
    assert "已记录 8/8 个课次" in out
    for session in range(1, 9):
        present = sum(1 for i in range(90) if mark(i, session) in ("到", "迟到", "早退"))
        assert f"出勤率 {100 * present / 90:.1f}%" in out.splitlines()[session]
    over = [i for i in range(90) if sum(h for s, h in enumerate(HOURS, 1) if mark(i, s) == "请假") > sum(HOURS) / 7]
    over_leave = [line.split("：")[1].split(" ")[0] for line in out.splitlines() if "请假超过" in line]
    assert over_leave == [f"A{i + 1:03d}" for i in over]
    assert (f"{chat}:3: 第1天 9月1日 09:30-11:30 专题辅导 序号 1（学员编号 A001）：考勤表为“到”，点名码为“缺勤”，"
            "按考勤表计") in err
    assert "读取点名码 3 个，补入考勤 180 人次" in err


def test_rollcall_codes_kept_beside_the_workbook_count_in_the_report(half_filled: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    day3 = {s: {seat: mark(seat - 1, s) for seat in range(1, 91)} for s in (7, 8)}
    (half_filled / "rosters/banji/2026-01-点名码.txt").write_text(_rollcall(half_filled, day3), encoding="utf-8")
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(half_filled), "--date", "2026-09-03"]) == 0
    assert "已记录 8/8 个课次" in capsys.readouterr().out
    assert main(["report", "banji", "--root", str(half_filled), "--date", "2026-09-05"]) == 0


def test_a_seat_left_unmarked_is_a_problem_with_file_and_line(half_filled: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    partial = {7: {seat: "到" for seat in range(1, 90)}}  # seat 90 forgotten
    chat = tmp_path / "点名.txt"
    chat.write_text(f"班主任：\n{_rollcall(half_filled, partial)}\n", encoding="utf-8")
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(half_filled), "--date", "2026-09-03",
                 "--codes", str(chat)]) == 1
    err = capsys.readouterr().err
    assert f"{chat}:2:1: 点名码: 第3天 9月3日 08:30-10:30 现场观摩：序号 90（学员编号 A090）没有点名" in err


def test_marks_for_a_day_still_to_come_wait(half_filled: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    chat = tmp_path / "点名.txt"
    chat.write_text(_rollcall(half_filled, {7: {1: "请假"}}), encoding="utf-8")
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(half_filled), "--date", "2026-09-02",
                 "--codes", str(chat)]) == 0
    assert "已记录 6/8 个课次" in capsys.readouterr().out


def test_a_page_with_fewer_seats_than_the_roster_says_so(half_filled: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    chat = tmp_path / "点名.txt"
    chat.write_text(_rollcall(half_filled, {7: {seat: "到" for seat in range(1, 81)}}, seats=80), encoding="utf-8")
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(half_filled), "--date", "2026-09-03",
                 "--codes", str(chat)]) == 1
    assert f"{chat}:1:1: 点名码: 点名页只有 80 个序号，名册却有 90 人" in capsys.readouterr().err


def test_unreadable_inputs_are_skipped_with_a_reason(half_filled: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    picture = tmp_path / "截图.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    junk = tmp_path / "乱码.txt"
    junk.write_text("LA1" + "Z" * 50 + "\nLA1\n点名码：LA10000\n", encoding="utf-8")
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(half_filled), "--date", "2026-09-03",
                 "--codes", str(picture), str(junk), str(tmp_path / "没有.txt")]) == 0
    err = capsys.readouterr().err
    assert f"{picture}: 不是文本文件" in err and f"{junk}:1: 校验位不符" in err and f"{junk}:3: " in err
    assert main(["evaluation", "read", "banji", "--root", str(half_filled), "--codes", str(junk)]) == 1
    assert "没有可计入的测评" in capsys.readouterr().err
