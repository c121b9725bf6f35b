"""lunxun check --coverage: questions per method step, steps without any flagged."""

from __future__ import annotations

from interop_support import copy_sample, run, write_bank

SAMPLE_REPORT = """\

题目覆盖（按方法步骤统计引用该步骤的题目数）：
分级处置法（fenji）：引用整个方法的题目 0 道
  ⚠ 小事（fenji#xiao）：0 道
  ⚠ 大事（fenji#da）：0 道
听情工作法（tingqing）：引用整个方法的题目 1 道
    听（tingqing#ting）：1 道
  ⚠ 办（tingqing#ban）：0 道
    访（tingqing#fang）：1 道
共 5 个步骤，其中 3 个没有题目（⚠）。
"""


def test_sample_coverage(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    code, out, err = run(["check", "--coverage"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    summary, report = out.split("\n", 1)
    assert summary.startswith("检查通过：")
    assert report == SAMPLE_REPORT


def test_counts_across_banks_and_cases(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "fugai", """\
title: 覆盖
questions:
  - {id: a, type: judge, stem: 甲, answer: 对, ref: fenji#xiao}
  - {id: b, type: judge, stem: 乙, answer: 对, ref: fenji#da}
  - {id: c, type: judge, stem: 丙, answer: 对, ref: fenji}
  - id: d
    type: case
    scenario: 情景
    ref: tingqing#ban
    questions:
      - {id: d1, type: judge, stem: 一, answer: 对}
      - {id: d2, type: judge, stem: 二, answer: 对, ref: fenji#da}
""")
    out = run(["check", "--coverage"], project, capsys, monkeypatch)[1]
    assert ("分级处置法（fenji）：引用整个方法的题目 1 道\n"
            "    小事（fenji#xiao）：1 道\n    大事（fenji#da）：2 道\n") in out
    assert "    办（tingqing#ban）：1 道\n" in out
    assert out.endswith("共 5 个步骤，每个步骤都有题目。\n")


def test_no_report_without_the_flag_or_when_check_fails(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    assert "题目覆盖" not in run(["check"], project, capsys, monkeypatch)[1]
    write_bank(project, "huai", "title: 坏\nquestions: []\n")
    code, out, _ = run(["check", "--coverage"], project, capsys, monkeypatch)
    assert (code, out) == (1, "")
