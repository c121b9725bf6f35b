"""Programme, cohort and index pages in whole builds: dates, weekdays, links both ways."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from paths import TESTS
from programme_support import broken_links, page_file, read_page

from generator.pipeline import render_project
from generator.render.programme import date_cn, weekday_cn

SAMPLE = TESTS / "projects" / "sample"


def text_of(site: Path, url_path: str) -> str:
    return page_file(site, url_path).read_text(encoding="utf-8")


def test_chinese_dates_and_weekdays() -> None:
    import datetime

    assert date_cn(datetime.date(2026, 9, 7)) == "2026年9月7日"
    assert date_cn(datetime.date(2026, 9, 7), year=False) == "9月7日"
    days = [weekday_cn(datetime.date(2026, 9, 7) + datetime.timedelta(days=n)) for n in range(7)]
    assert days == ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]


def test_programme_page_has_a_day_anchor_and_a_row_per_session(sample_site: Path) -> None:
    page = read_page(sample_site, "programmes/cun-ganbu/")
    assert {"day-1", "day-2", "progress", "completion", "cohorts"} <= page.ids
    schedules = [t for t in page.tables if t.head and t.head[0][0][0] == "时间"]
    assert [len(t.body) for t in schedules] == [3, 3]
    first = schedules[0].body[0]
    assert first[:5] == [
        "08:30–09:00",
        "开班式",
        "开班动员0.5 学时",
        "县委组织部负责同志",
        "二楼会议室",
    ]
    assert "听情工作法 | 入户走访" in schedules[0].body[1][2]  # a “|” in a title stays in its cell
    html = text_of(sample_site, "programmes/cun-ganbu/")
    assert '<span class="lx-kind lx-kind-kaiban">开班式</span>' in html
    assert '<span class="lx-kind lx-kind-ceyan">测验</span>' in html
    assert "9 学时（2 天，6 个课次）" in html
    assert "完成不少于 80% 的课次（共 6 个课次，至少 5 个）" in html


def test_programme_page_links_readings_quizzes_and_cohorts(sample_site: Path) -> None:
    page = read_page(sample_site, "programmes/cun-ganbu/")
    hrefs = {link["href"] for link in page.links}
    assert {
        "../../methods/tingqing/",
        "../../methods/fenji/",
        "../../quizzes/tingqing-lianxi/",
    } <= hrefs
    assert {
        "2026-01/",
        "2026-01-qiandao/",
        "2026-01-richeng/",
        "2026-01.ics",
        "2026-02.ics",
    } <= hrefs
    readings = [link for link in page.links if link.get("data-method")]
    assert {link["data-method"] for link in readings} == {"tingqing", "fenji"}
    assert broken_links(sample_site, "programmes/cun-ganbu/") == []


def test_progress_panel_data_is_embedded(sample_site: Path) -> None:
    html = text_of(sample_site, "programmes/cun-ganbu/")
    raw = re.search(
        r'<script type="application/json" class="lx-programme-data">(.*?)</script>', html, re.DOTALL
    )
    assert raw is not None
    data = json.loads(raw.group(1))
    assert data["id"] == "cun-ganbu" and data["hours"] == 9 and data["attendance"] == 80
    assert data["required"] == ["tingqing-lianxi"]
    assert [s["key"] for s in data["sessions"]] == [
        "d1-0830",
        "d1-0900",
        "d1-1400",
        "d2-0900",
        "d2-1400",
        "d2-1500",
    ]
    assert data["sessions"][1]["methods"] == ["tingqing"] and data["sessions"][1]["hours"] == 2.5
    assert data["methods"] == {"fenji": "分级处置法", "tingqing": "听情工作法"}
    assert data["credits"] == []  # no completion.quiz_hours: the panel shows no 测验学时 line


def test_cohort_page_dates_each_day(sample_site: Path) -> None:
    page = read_page(sample_site, "programmes/cun-ganbu/2026-01/")
    html = text_of(sample_site, "programmes/cun-ganbu/2026-01/")
    assert {"day-1", "day-2"} <= page.ids
    assert "2026年9月7日（星期一）至9月8日（星期二），共 2 天" in html
    assert re.search(r'<h2 id="day-1">第 1 天　9月7日（星期一）　学方法', html)
    assert re.search(r'<h2 id="day-2">第 2 天　9月8日（星期二）', html)
    # sessions without a place of their own are held at the cohort's place
    schedules = [t for t in page.tables if t.head and t.head[0][0][0] == "时间"]
    assert [row[4] for row in schedules[0].body] == ["二楼会议室", "县委党校", "县委党校"]
    assert broken_links(sample_site, "programmes/cun-ganbu/2026-01/") == []


def test_cohort_across_the_new_year(sample_site: Path) -> None:
    html = text_of(sample_site, "programmes/cun-ganbu/2026-02/")
    assert "2026年12月31日（星期四）至2027年1月1日（星期五）" in html
    assert re.search(r'<h2 id="day-2">第 2 天　1月1日（星期五）', html)
    assert "<dd>50 人</dd>" in html  # no capacity given: the default


def test_index_lists_programmes_and_cohorts_by_date(shipped_site: Path) -> None:
    html = text_of(shipped_site, "programmes/")
    assert 'href="shuji-lunxun/"' in html and 'href="shequ-ganbu-yiri/"' in html
    starts = re.findall(r"<td>(\d{4}年\d+月\d+日)（星期.）", html)
    assert starts[:2] == ["2026年8月24日", "2026年10月15日"]
    assert broken_links(shipped_site, "programmes/") == []


@pytest.mark.parametrize("programme", ["shuji-lunxun", "shequ-ganbu-yiri"])
def test_shipped_programme_pages_have_no_broken_links(shipped_site: Path, programme: str) -> None:
    folder = shipped_site / "programmes" / programme
    pages = [f"programmes/{programme}/"] + [
        f"programmes/{programme}/{child.name}/" for child in folder.iterdir() if child.is_dir()
    ]
    assert len(pages) > 4
    for url_path in pages:
        assert broken_links(shipped_site, url_path) == [], url_path


def test_shipped_rotation_training_runs_four_days_in_cohorts_by_track(shipped_site: Path) -> None:
    page = read_page(shipped_site, "programmes/shuji-lunxun/")
    tracks = next(t for t in page.tables if t.head and t.head[0][0][0] == "班次")
    assert [(row[0], row[2], row[3], row[5]) for row in tracks.body] == [
        ("乡镇（街道）党（工）委书记班", "4 天", "22", "1 期"),
        ("村（社区）党组织书记班", "4 天", "26", "3 期"),
    ]
    cohorts = next(t for t in page.tables if t.head and t.head[0][0][0] == "期次")
    assert [(row[1], row[4]) for row in cohorts.body] == [
        ("村（社区）党组织书记班", "90 人"), ("乡镇（街道）党（工）委书记班", "30 人"),
        ("村（社区）党组织书记班", "90 人"), ("村（社区）党组织书记班", "90 人"),
    ]
    assert all(re.match(r"202[67]年", row[2]) for row in cohorts.body)
    village = read_page(shipped_site, "programmes/shuji-lunxun/cun-shequ/")
    township = read_page(shipped_site, "programmes/shuji-lunxun/xiangzhen-jiedao/")
    for track in (village, township):
        assert {"day-1", "day-2", "day-3", "day-4"} <= track.ids and "day-5" not in track.ids
    village_html = text_of(shipped_site, "programmes/shuji-lunxun/cun-shequ/")
    township_html = text_of(shipped_site, "programmes/shuji-lunxun/xiangzhen-jiedao/")
    for kind in ("kaiban", "zhuanti", "jingyan", "guanmo", "taolun", "ceyan", "jieye"):
        assert f"lx-kind-{kind}" in village_html
    # the village class's own sessions (the site visit, how to be a village secretary) are not the township's
    assert "lx-kind-guanmo" not in township_html and "如何当好村党组织书记" not in township_html
    assert "如何当好村党组织书记" in village_html and "结业总结讲话" in township_html
    assert "22 学时" in text_of(shipped_site, "programmes/shuji-lunxun/2026-02/")


def test_method_and_quiz_pages_link_back_to_the_sessions(sample_site: Path) -> None:
    method = read_page(sample_site, "methods/tingqing/")
    back = [link["href"] for link in method.links if "programmes/" in link["href"]]
    assert back == ["../../programmes/cun-ganbu/#day-1"]
    quiz = read_page(sample_site, "quizzes/tingqing-lianxi/")
    back = [link["href"] for link in quiz.links if "programmes/" in link["href"]]
    assert back == ["../../programmes/cun-ganbu/#day-2", "../../programmes/cun-ganbu/"]
    assert "结业须通过本测验" in text_of(sample_site, "quizzes/tingqing-lianxi/")
    for url_path in ("methods/tingqing/", "quizzes/tingqing-lianxi/"):
        assert [h for h in broken_links(sample_site, url_path) if "programmes" in h] == []


def test_navigation_has_the_programmes_section() -> None:
    nav = render_project(SAMPLE).nav
    section = next(item for item in nav if isinstance(item, dict) and "培训项目" in item)
    assert section["培训项目"] == ["programmes/index.md", "programmes/cun-ganbu/index.md"]


def test_rendered_files_hold_one_calendar_per_cohort() -> None:
    rendered = render_project(SAMPLE)
    calendars = sorted(path for path in rendered.files if path.endswith(".ics"))
    assert calendars == ["programmes/cun-ganbu/2026-01.ics", "programmes/cun-ganbu/2026-02.ics"]
    pages = sorted(path for path in rendered.pages if path.startswith("programmes/"))
    assert pages == [
        "programmes/cun-ganbu/2026-01-dianming.md",
        "programmes/cun-ganbu/2026-01-pingjia.md",
        "programmes/cun-ganbu/2026-01-qiandao.md",
        "programmes/cun-ganbu/2026-01-richeng.md",
        "programmes/cun-ganbu/2026-01.md",
        "programmes/cun-ganbu/2026-02-dianming.md",
        "programmes/cun-ganbu/2026-02-pingjia.md",
        "programmes/cun-ganbu/2026-02-qiandao.md",
        "programmes/cun-ganbu/2026-02-richeng.md",
        "programmes/cun-ganbu/2026-02.md",
        "programmes/cun-ganbu/index.md",
        "programmes/index.md",
    ]
