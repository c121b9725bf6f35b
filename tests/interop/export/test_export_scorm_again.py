"""The SCORM 1.2 package run by scorm-again (npm), an LMS run-time none of us wrote, in Chromium:
score, status and time reach it as the site computes them, at and around the pass mark."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from interop_support import copy_sample, run, write_bank

# five questions, pass mark 60: three right is exactly the mark
BANK = """\
title: 及格线
pass_mark: 60
shuffle_questions: false
shuffle_options: false
questions:
""" + "".join(f"  - {{id: q{n}, type: judge, stem: 第{n}题, answer: 对}}\n" for n in range(1, 6))

LMS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>
window.API = new Scorm12API({autocommit: false, logLevel: 5});
window.sessionTimes = [];  // write-only in SCORM 1.2: seen through scorm-again's own events
API.on("LMSSetValue.cmi.core.session_time", (element, value) => sessionTimes.push(value));
</script></head>
<body><iframe id="sco" src="pkg/index.html" style="width:100%;height:90vh"></iframe></body></html>
"""


def lms(tmp_path: Path, npm_tools: Path, capsys, monkeypatch) -> Path:
    project = copy_sample(tmp_path)
    write_bank(project, "jigexian", BANK)
    result = run(["export", "jigexian", "--format", "scorm", "-o", "s.zip"], project, capsys, monkeypatch)
    assert result[0] == 0
    site = tmp_path / "lms"
    zipfile.ZipFile(project / "s.zip").extractall(site / "pkg")
    shutil.copy(npm_tools / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js", site)
    (site / "index.html").write_text(LMS, encoding="utf-8")
    return site


@pytest.mark.parametrize(("right", "raw", "status"), [(3, "60", "passed"), (2, "40", "failed"), (5, "100", "passed")])
def test_scorm_again_records_score_and_status(tmp_path, npm_tools, capsys, monkeypatch, page, serve,
                                              right, raw, status):
    page.goto(serve(lms(tmp_path, npm_tools, capsys, monkeypatch)))
    frame = page.frame_locator("#sco")
    frame.locator(".lx-quiz[data-lx-on]").wait_for()
    assert page.evaluate("API.cmi.core.lesson_status") == "incomplete"
    for number in range(1, 6):
        choice = "正确" if number <= right else "错误"
        frame.get_by_role("radio", name=re.compile(choice + "$")).check()
        frame.get_by_role("button", name="确定").click()
        frame.get_by_role("button", name="完成" if number == 5 else "下一题").click()
    frame.locator(".lx-result").wait_for()
    core = page.evaluate("({raw: API.cmi.core.score.raw, status: API.cmi.core.lesson_status,"
                         " times: sessionTimes, max: API.cmi.core.score.max, error: API.lmsGetLastError()})")
    assert (core["raw"], core["status"], core["max"]) == (raw, status, "100")
    assert len(core["times"]) == 1 and re.fullmatch(r"\d{2,4}:\d\d:\d\d", core["times"][0])
    assert core["error"] == "0"  # scorm-again accepted every value it was given
    assert page.evaluate("API.isTerminated()") is True
