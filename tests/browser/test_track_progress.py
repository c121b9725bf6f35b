"""Each track of a tracked programme has its own “我的学习进度”: its sessions, its 学时, its ticks.

The shipped secretaries' programme: the township class has 16 sessions and 22 学时, the village
class 18 sessions and 26 学时 (the site visit and the village experience talk are its own).
"""

from __future__ import annotations

import json


def stats(page) -> dict[str, str]:
    page.locator(".lx-progress .lx-stat").first.wait_for()
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.lx-progress .lx-stat')]
             .map(s => [s.querySelector('.lx-stat-label').textContent,
                        s.querySelector('.lx-stat-value').textContent]))"""
    )


def test_each_track_counts_its_own_sessions(page, shipped_url: str) -> None:
    base = shipped_url + "programmes/shuji-lunxun/"
    page.goto(base + "xiangzhen-jiedao/")
    township = stats(page)
    assert (township["已获学时"], township["已完成课次"]) == ("0 / 22", "0 / 16")
    page.get_by_text("逐课次记录").click()
    page.get_by_role("checkbox", name="我已参加").first.check()  # the first without readings: a 1-学时 talk on day 2
    assert stats(page)["已获学时"] == "1 / 22"
    raw = page.evaluate("() => localStorage.getItem('lunxun:v1:attended:shuji-lunxun/xiangzhen-jiedao')")
    assert json.loads(raw) == ["d2-1045"]

    page.goto(base + "cun-shequ/")  # the other class keeps its own record
    village = stats(page)
    assert (village["已获学时"], village["已完成课次"]) == ("0 / 26", "0 / 18")
    page.goto(base)  # the programme page lists the tracks and has no panel of its own
    assert page.locator(".lx-progress").count() == 0
    assert page.locator(".lx-tracks a").all_inner_texts() == ["乡镇（街道）党（工）委书记班", "村（社区）党组织书记班"]
    assert all(url.startswith(shipped_url) for url in page.requests_seen)
