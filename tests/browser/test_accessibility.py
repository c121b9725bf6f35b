"""axe-core in Chromium on the shipped site: no serious or critical violation on the pages and
quiz states cadres use most. axe-core is its npm package, pinned in tests/audit/package.json
(`make test` installs it with Lighthouse)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

AUDIT = Path(__file__).resolve().parents[1] / "audit"
AXE = AUDIT / "node_modules" / "axe-core" / "axe.min.js"
PINNED = json.loads((AUDIT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
BLOCKING = {"serious", "critical"}
PRACTICE = "quizzes/liuchixiang-jichu/"
EXAM = "quizzes/shuji-lunxun-jieye/"

# run as an expression: the shared file is a bare function (lighthouse.mjs uses it too)
ANSWER_CURRENT = f"({(AUDIT / 'answer-current.js').read_text(encoding='utf-8')})()"


def _practice_answered(page) -> None:
    page.locator(".lx-main .lx-q").first.wait_for()
    page.evaluate(ANSWER_CURRENT)
    page.get_by_role("button", name="确定", exact=True).click()
    page.locator(".lx-main .lx-fb").first.wait_for()


def _exam_started(page) -> None:
    page.get_by_label("姓名").fill("张三")
    page.get_by_label("单位（乡镇、村或社区）").fill("某村")
    page.get_by_role("button", name="开始考试").click()
    page.locator(".lx-main .lx-q").first.wait_for()
    page.evaluate(ANSWER_CURRENT)


def _exam_sheet(page) -> None:
    _exam_started(page)
    page.get_by_role("button", name="答题卡").click()
    page.locator(".lx-sheet .lx-cell").first.wait_for()


def _exam_result(page) -> None:
    _exam_started(page)
    page.locator(".lx-tools").get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    page.locator(".lx-result").wait_for()


STATES: dict[str, tuple[str, Callable | None]] = {
    "home": ("", None),
    "method": ("methods/liuchixiang/", None),
    "practice-answered": (PRACTICE, _practice_answered),
    "exam-sheet": (EXAM, _exam_sheet),
    "exam-result": (EXAM, _exam_result),
    "programme": ("programmes/shuji-lunxun/", None),
    "batch": ("programmes/shuji-lunxun/2026-01/", None),
}


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])  # 长辈版: large print
@pytest.mark.parametrize("state", list(STATES))
def test_no_serious_violations(page, shipped_url: str, state: str, elder: bool) -> None:
    path, reach = STATES[state]
    if elder:
        page.add_init_script("localStorage.setItem('lunxun:v1:elder', '1')")
    page.goto(shipped_url + path)
    page.wait_for_load_state("load")
    if reach:
        reach(page)
    assert AXE.is_file(), "axe-core is missing: run `make test`, which installs tests/audit's npm packages"
    assert page.evaluate("document.documentElement.classList.contains('lx-elder')") == elder
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert results["testEngine"]["version"] == PINNED  # the npm package, not a copy from elsewhere
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, _report(blocking)
