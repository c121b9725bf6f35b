"""The one-question practice quiz of the small 听情工作法 projects that browser tests pass by touch
(tests/browser/test_progress.py, test_wechat_record.py); no tests here."""

QUESTION = """\
questions:
  - id: q1
    type: judge
    stem: 办结后还要回访。
    answer: true
"""
XIAOCE = f"""\
title: 听情工作法 小测
methods: [tingqing]
mode: practice
pass_mark: 60
{QUESTION}"""
