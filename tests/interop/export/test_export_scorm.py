"""lunxun export --format scorm: the package's files, and the launch page inside a stub LMS in Chromium."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from interop_support import copy_sample, read_bank, run, write_bank

from generator.interop.export.scorm import SCHEMA_FILES
from generator.render.assets import QUIZ_SCRIPTS
from generator.render.bundle import asset_bytes
from generator.render.quiz import bank_json

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
ENGINE = {name: asset_bytes(name).decode("utf-8") for name in QUIZ_SCRIPTS}  # as the site serves them

BANK = """\
title: SCORM 练习
methods: [tingqing]
pass_mark: 60
shuffle_questions: false
shuffle_options: false
questions:
  - {id: a, type: single, stem: 听情工作法的第一步是？, options: [听, 办, 访], answer: A}
  - {id: b, type: judge, stem: 办结后不需要回访。, answer: 错}
  - {id: c, type: single, stem: 听情工作法的最后一步是？, options: [听, 办, 访], answer: C}
"""

# A minimal SCORM 1.2 run-time: window.API records every call; the package runs in a frame.
LMS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script>
window.calls = [];
const data = {"cmi.core.lesson_status": "not attempted"};
const record = (name, result) => (...args) => {
  window.calls.push([name, ...args.map(String)]);
  return result(...args);
};
window.API = {
  LMSInitialize: record("LMSInitialize", () => "true"),
  LMSFinish: record("LMSFinish", () => "true"),
  LMSGetValue: record("LMSGetValue", key => data[key] || ""),
  LMSSetValue: record("LMSSetValue", (key, value) => { data[key] = String(value); return "true"; }),
  LMSCommit: record("LMSCommit", () => "true"),
  LMSGetLastError: () => "0",
  LMSGetErrorString: () => "",
  LMSGetDiagnostic: () => "",
};
</script></head>
<body>__BODY__</body></html>
"""
FRAMED = '<iframe id="sco" src="pkg/index.html" style="width:100%;height:90vh"></iframe>'
OPENER = '<button onclick="window.open(\'pkg/index.html\')">打开课件</button>'
START = [["LMSInitialize", ""], ["LMSGetValue", "cmi.core.lesson_status"],
         ["LMSSetValue", "cmi.core.lesson_status", "incomplete"], ["LMSCommit", ""]]


def package(tmp_path: Path, capsys, monkeypatch) -> Path:
    project = copy_sample(tmp_path)
    write_bank(project, "scorm-lianxi", BANK)
    result = run(["export", "scorm-lianxi", "--format", "scorm", "-o", "s.zip"], project, capsys, monkeypatch)
    assert result == (0, "已导出 SCORM 1.2 课件包：s.zip\n", "")
    return project / "s.zip"


def lms_site(tmp_path: Path, archive: Path, body: str) -> Path:
    site = tmp_path / "lms"
    zipfile.ZipFile(archive).extractall(site / "pkg")
    (site / "index.html").write_text(LMS.replace("__BODY__", body), encoding="utf-8")
    return site


def test_package_files_and_manifest(tmp_path, capsys, monkeypatch):
    archive = zipfile.ZipFile(package(tmp_path, capsys, monkeypatch))
    assert archive.namelist() == ["imsmanifest.xml", "index.html", "quiz.css", *QUIZ_SCRIPTS, "scorm.js",
                                  *SCHEMA_FILES]
    for name, text in ENGINE.items():
        assert archive.read(name).decode("utf-8") == text
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    assert (manifest.findtext(f"{CP}metadata/{CP}schema"), manifest.findtext(f"{CP}metadata/{CP}schemaversion")) == (
        "ADL SCORM", "1.2")
    organizations = manifest.find(f"{CP}organizations")
    item = organizations.find(f"{CP}organization/{CP}item")
    assert organizations.get("default") == "org-scorm-lianxi"
    assert (item.findtext(f"{CP}title"), item.findtext(f"{ADLCP}masteryscore")) == ("SCORM 练习", "60")
    resource = manifest.find(f"{CP}resources/{CP}resource")
    assert (resource.get("identifier"), item.get("identifierref")) == ("res-scorm-lianxi", "res-scorm-lianxi")
    assert (resource.get("type"), resource.get(f"{ADLCP}scormtype"), resource.get("href")) == ("webcontent", "sco",
                                                                                               "index.html")
    assert [f.get("href") for f in resource.findall(f"{CP}file")] == ["index.html", "quiz.css", *QUIZ_SCRIPTS,
                                                                      "scorm.js"]


def test_launch_page_carries_the_bank(tmp_path, capsys, monkeypatch):
    archive = zipfile.ZipFile(package(tmp_path, capsys, monkeypatch))
    page = archive.read("index.html").decode("utf-8")
    assert '<div class="lx-quiz" data-bank="scorm-lianxi" data-mode="practice" data-standalone="scorm">' in page
    data = re.search(r'<script type="application/json" class="lx-bank-data">(.*?)</script>', page).group(1)
    bank = read_bank(tmp_path / "project" / "quizzes" / "scorm-lianxi.yaml")
    assert json.loads(data) == json.loads(json.dumps(bank_json("scorm-lianxi", bank)))
    assert page.index('src="scorm.js"') < page.index('src="quiz.js"')


def test_an_exam_package_carries_the_exam_engine(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "scorm-kaoshi",
               BANK.replace("pass_mark: 60\n", "pass_mark: 60\nmode: exam\ngrading: browser\n"))
    assert run(["export", "scorm-kaoshi", "--format", "scorm", "-o", "k.zip"], project, capsys, monkeypatch)[0] == 0
    archive = zipfile.ZipFile(project / "k.zip")
    assert "quiz.js" not in archive.namelist()  # as the site serves an exam page: no 错题本 or 每日一练 page
    assert archive.read("quiz-exam.js") == asset_bytes("quiz-exam.js")
    page = archive.read("index.html").decode("utf-8")
    assert 'data-mode="exam"' in page and page.index('src="scorm.js"') < page.index('src="quiz-exam.js"')


def test_adapter_reports_a_finished_attempt(tmp_path, capsys, monkeypatch, page, serve):
    url = serve(lms_site(tmp_path, package(tmp_path, capsys, monkeypatch), FRAMED))
    page.goto(url)
    frame = page.frame_locator("#sco")
    frame.locator(".lx-quiz[data-lx-on]").wait_for()
    assert page.evaluate("window.calls") == START
    frame.locator("body").evaluate("""() => document.dispatchEvent(new CustomEvent('lunxun:finished',
        {detail: {bank: 'scorm-lianxi', score: 66.7, passed: true, points: 2, max: 3, seconds: 75, code: 'x'}}))""")
    assert page.evaluate("window.calls")[len(START):] == [
        ["LMSSetValue", "cmi.core.score.min", "0"],
        ["LMSSetValue", "cmi.core.score.max", "100"],
        ["LMSSetValue", "cmi.core.score.raw", "66.7"],
        ["LMSSetValue", "cmi.core.lesson_status", "passed"],
        ["LMSSetValue", "cmi.core.session_time", "0000:01:15"],
        ["LMSCommit", ""],
        ["LMSFinish", ""],
    ]


def test_adapter_finds_the_api_through_the_opener(tmp_path, capsys, monkeypatch, page, serve):
    url = serve(lms_site(tmp_path, package(tmp_path, capsys, monkeypatch), OPENER))
    page.goto(url)
    with page.expect_popup() as opened:
        page.get_by_role("button", name="打开课件").click()
    popup = opened.value
    popup.locator(".lx-quiz[data-lx-on]").wait_for()
    popup.evaluate("""() => document.dispatchEvent(new CustomEvent('lunxun:finished',
        {detail: {bank: 'scorm-lianxi', points: 1, max: 3, seconds: 5, passed: false}}))""")
    calls = page.evaluate("window.calls")
    assert calls[:4] == START
    assert ["LMSSetValue", "cmi.core.score.raw", "33.33"] in calls
    assert ["LMSSetValue", "cmi.core.lesson_status", "failed"] in calls
    assert calls[-1] == ["LMSFinish", ""]


def test_quiz_runs_without_an_lms(tmp_path, capsys, monkeypatch, page, serve):
    site = lms_site(tmp_path, package(tmp_path, capsys, monkeypatch), "")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(serve(site) + "pkg/index.html")
    page.locator(".lx-quiz[data-lx-on]").wait_for()
    assert page.get_by_role("heading", name="SCORM 练习").is_visible()
    assert errors == []


def test_answering_the_quiz_reports_score_and_status(tmp_path, capsys, monkeypatch, page, serve):
    url = serve(lms_site(tmp_path, package(tmp_path, capsys, monkeypatch), FRAMED))
    page.goto(url)
    frame = page.frame_locator("#sco")
    for kind, choice in (("radio", "听"), ("radio", "错误"), ("radio", "办")):  # the last one is wrong
        frame.get_by_role(kind, name=re.compile(re.escape(choice) + "$")).check()
        frame.get_by_role("button", name="确定").click()
        last = choice == "办"
        frame.get_by_role("button", name="完成" if last else "下一题").click()
    frame.locator(".lx-result").wait_for()
    calls = page.evaluate("window.calls")
    assert calls[:4] == START
    assert ["LMSSetValue", "cmi.core.score.raw", "66.7"] in calls
    assert ["LMSSetValue", "cmi.core.lesson_status", "passed"] in calls
    assert calls[-2:] == [["LMSCommit", ""], ["LMSFinish", ""]]


def test_leaving_before_the_end_reports_the_time_spent(tmp_path, capsys, monkeypatch, page, serve):
    url = serve(lms_site(tmp_path, package(tmp_path, capsys, monkeypatch), FRAMED))
    page.goto(url)
    frame = page.frame_locator("#sco")
    frame.locator(".lx-quiz[data-lx-on]").wait_for()
    page.wait_for_timeout(1100)
    page.evaluate("document.getElementById('sco').remove()")  # the learner closes the lesson
    calls = page.evaluate("window.calls")[len(START):]
    assert [c[:2] for c in calls] == [["LMSSetValue", "cmi.core.session_time"], ["LMSCommit", ""], ["LMSFinish", ""]]
    assert re.fullmatch(r"0000:00:0[1-9]", calls[0][2])
