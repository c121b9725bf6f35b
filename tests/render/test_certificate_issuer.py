"""Issue 17 item 3: what a bank's certificate names. The quiz page carries the programme (when
exactly one uses the bank) and the issuer (that programme's organizer, else the site's
`organizer` option); with neither it carries nothing, and the certificate names no one. The 学时 a pass earns
(`completion.quiz_hours` of that one programme) are carried the same way, never guessed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from paths import TESTS

from generator.loading.site_config import SiteConfigError, organizer_of
from generator.pipeline import render_project

SAMPLE = TESTS / "projects" / "sample"
QUIZLAB = SAMPLE.parent / "quizlab"
SECOND = """\
title: 第二个班
summary: 也用这个练习。
hours: 1
days:
  - sessions:
      - {time: "09:00-10:00", kind: 测验, title: 练习, quizzes: [tingqing-lianxi]}
"""


def quiz_div(project: Path, organizer: str | None = None, bank: str = "tingqing-lianxi") -> str:
    page = render_project(project, organizer=organizer).pages[f"quizzes/{bank}.md"]
    found = re.search(r'<div class="lx-quiz"[^>]*>', page)
    assert found
    return found.group(0)


def test_a_bank_of_one_programme_names_it_and_its_organizer() -> None:
    div = quiz_div(SAMPLE, organizer="别的单位")
    assert 'data-programme="村干部矛盾调解培训班"' in div
    assert 'data-issuer="某县委组织部"' in div  # the programme's own organizer comes first


def test_without_a_programme_organizer_the_site_option_is_the_issuer(tmp_path: Path) -> None:
    project = shutil.copytree(SAMPLE, tmp_path / "p")
    path = project / "content" / "curricula" / "cun-ganbu.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("organizer: 某县委组织部\n", ""), encoding="utf-8")
    assert 'data-issuer="测试县委组织部"' in quiz_div(project, organizer="测试县委组织部")
    div = quiz_div(project)  # neither: no issuer is made up
    assert "data-issuer" not in div and 'data-programme="村干部矛盾调解培训班"' in div


def test_a_bank_of_two_programmes_names_neither_programme(tmp_path: Path) -> None:
    project = shutil.copytree(SAMPLE, tmp_path / "p")
    (project / "content" / "curricula" / "di-er-ban.yaml").write_text(SECOND, encoding="utf-8")
    div = quiz_div(project, organizer="测试县委组织部")
    assert "data-programme" not in div and 'data-issuer="测试县委组织部"' in div


def test_the_issuer_is_escaped_in_the_page() -> None:
    div = quiz_div(QUIZLAB, organizer='<b>某"部</b>', bank="yici")  # quizlab has no programmes
    assert 'data-issuer="&lt;b&gt;某&#34;部&lt;/b&gt;"' in div and "data-programme" not in div


@pytest.mark.parametrize("plugins, expected", [
    ([], None),
    (["search", "lunxun"], None),
    ([{"lunxun": {"organizer": "  县委组织部 "}}], "县委组织部"),
    ([{"lunxun": {"organizer": "   "}}], None),
    ([{"lunxun": {"content_dir": "content"}}], None),
])
def test_organizer_option_read_from_mkdocs_yml(plugins: list[object], expected: str | None) -> None:
    assert organizer_of({"plugins": plugins}) == expected


def test_an_organizer_that_is_not_text_is_reported_in_chinese() -> None:
    with pytest.raises(SiteConfigError, match=r"plugins → lunxun → organizer: 应为文字"):
        organizer_of({"plugins": [{"lunxun": {"organizer": 12}}]})


def test_the_plugin_refuses_an_organizer_that_is_not_text_in_chinese(tmp_path: Path, capsys) -> None:
    from generator.cli import main

    project = shutil.copytree(QUIZLAB, tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - lunxun\n", "  - lunxun:\n      organizer: 12\n"),
                      encoding="utf-8")
    assert main(["build", "-f", str(config), "-d", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "lunxun 插件选项“organizer”应为文字，现在是 12" in err and "配置有误，网站未生成" in err
    assert not (tmp_path / "site").exists()



def credit(project: Path, hours: str) -> None:
    """The sample programme's completion, crediting its practice with ``hours`` 学时."""
    path = project / "content" / "curricula" / "cun-ganbu.yaml"
    old = "completion:\n  attendance: 80\n  quizzes: [tingqing-lianxi]\n"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old + f"  quiz_hours: {{tingqing-lianxi: {hours}}}\n"), encoding="utf-8")


@pytest.mark.parametrize("hours, shown", [("1.5", "1.5"), ("2", "2"), ("2.0", "2")])
def test_the_hours_a_pass_earns_are_carried_when_the_programme_credits_them(tmp_path: Path, hours: str,
                                                                            shown: str) -> None:
    assert "data-hours" not in quiz_div(SAMPLE)  # the sample programme credits no 学时 for quizzes
    project = shutil.copytree(SAMPLE, tmp_path / "p")
    credit(project, hours)
    assert f'data-hours="{shown}"' in quiz_div(project)


def test_hours_are_not_guessed_when_two_programmes_use_the_bank(tmp_path: Path) -> None:
    project = shutil.copytree(SAMPLE, tmp_path / "p")
    credit(project, "1.5")
    (project / "content" / "curricula" / "di-er-ban.yaml").write_text(SECOND, encoding="utf-8")
    div = quiz_div(project)
    assert "data-hours" not in div and "data-programme" not in div
