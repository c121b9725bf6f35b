"""The quiz engine's script only on the pages that run it (Lighthouse, weak connections)."""

from __future__ import annotations

from pathlib import Path

from generator.engines.page_scripts import drop_unused_engine

TAG = '<script src="../../assets/lunxun/quiz.js"></script>\n'
OTHER = '<script src="../../assets/lunxun/progress.js"></script>\n'


def test_a_page_without_a_quiz_loses_only_the_engine() -> None:
    page = f"<body><p>六尺巷</p>{TAG}{OTHER}</body>"
    assert drop_unused_engine(page) == f"<body><p>六尺巷</p>{OTHER}</body>"


def test_pages_with_a_placeholder_keep_it() -> None:
    for placeholder in ('<div class="lx-quiz" data-bank="a">', '<div class="lx-daily">', '<div class="lx-wrongbook">'):
        page = f"<body>{placeholder}</div>{TAG}</body>"
        assert drop_unused_engine(page) == page
    assert TAG not in drop_unused_engine(f'<div class="lx-quiz-facts"></div>{TAG}')  # another class


def test_the_shipped_site_loads_the_engine_where_it_runs(shipped_site: Path) -> None:
    def loads(path: str) -> bool:
        return "assets/lunxun/quiz.js" in (shipped_site / path / "index.html").read_text(encoding="utf-8")

    assert loads("quizzes/liuchixiang-jichu") and loads("quizzes/shuji-lunxun-jieye")
    assert loads("quizzes/meiri") and loads("quizzes/cuotiben")
    assert not loads("methods/liuchixiang") and not loads("programmes/shuji-lunxun") and not loads(".")
    assert "assets/lunxun/progress.js" in (shipped_site / "methods/liuchixiang/index.html").read_text(encoding="utf-8")


def test_instant_navigation_keeps_it_everywhere(tmp_path: Path) -> None:
    import shutil

    from conftest import build_project

    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "projects" / "sample", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  features:\n    - navigation.prune\n" in text
    config.write_text(text.replace("    - navigation.prune\n", "    - navigation.prune\n    - navigation.instant\n"),
                      encoding="utf-8")
    site = build_project(project, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "navigation.instant" in home and "assets/lunxun/quiz.js" in home
