"""axe-core in Chromium on the shipped site: no serious or critical violation on the pages and
quiz states cadres use most. axe-core is its npm package, pinned in tests/audit/package.json
(`make test` installs it with Lighthouse)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from site_support import EXAM, PRACTICE, exam_result, exam_sheet, practice_answered

AUDIT = Path(__file__).resolve().parents[1] / "audit"
AXE = AUDIT / "node_modules" / "axe-core" / "axe.min.js"
PINNED = json.loads((AUDIT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
BLOCKING = {"serious", "critical"}



STATES: dict[str, tuple[str, Callable | None]] = {
    "home": ("", None),
    "method": ("methods/liuchixiang/", None),
    "practice-answered": (PRACTICE, practice_answered),
    "exam-sheet": (EXAM, exam_sheet),
    "exam-result": (EXAM, exam_result),
    "programme": ("programmes/shuji-lunxun/", None),
    "cohort": ("programmes/shuji-lunxun/2026-01/", None),
    "evaluation": ("programmes/shuji-lunxun/2026-01-pingjia/",
                   lambda page: page.locator(".lx-rc-status:not(:empty)").wait_for()),
    "roll-call-code": ("programmes/shuji-lunxun/2026-01-dianming/", lambda page: (
        page.get_by_role("button", name="未点的都记为“到”").click(),
        page.get_by_role("button", name="生成点名码").click(),
        page.locator(".lx-rc-result:not([hidden])").wait_for())),
}


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = node["failureSummary"].splitlines()[-1].strip()
            lines.append(f"    {', '.join(map(str, node['target']))}: {summary}")
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
