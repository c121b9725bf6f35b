"""The quiz engine's script only on the pages that run it, the exam engine on exam pages (Lighthouse,
weak connections)."""

from __future__ import annotations

from pathlib import Path

from paths import TESTS

from generator.engines.page_scripts import engine_for_page

TAG = '<script src="../../assets/lunxun/quiz.js"></script>\n'
OTHER = '<script src="../../assets/lunxun/progress.js"></script>\n'


def test_a_page_without_a_quiz_loses_only_the_engine() -> None:
    page = f"<body><p>六尺巷</p>{TAG}{OTHER}</body>"
    assert engine_for_page(page) == f"<body><p>六尺巷</p>{OTHER}</body>"


def test_pages_with_a_placeholder_keep_it() -> None:
    for placeholder in ('<div class="lx-quiz" data-bank="a">', '<div class="lx-daily">', '<div class="lx-wrongbook">'):
        page = f"<body>{placeholder}</div>{TAG}</body>"
        assert engine_for_page(page) == page
    assert TAG not in engine_for_page(f'<div class="lx-quiz-facts"></div>{TAG}')  # another class


def test_a_page_of_exams_only_gets_the_exam_engine() -> None:
    exam = '<div class="lx-quiz" data-bank="a" data-mode="exam">'
    page = f"<body>{exam}</div>{exam.replace('a', 'b')}</div>{TAG}{OTHER}</body>"
    assert engine_for_page(page) == page.replace("quiz.js", "quiz-exam.js")
    for other in ('<div class="lx-quiz" data-bank="c" data-mode="practice">', '<div class="lx-quiz" data-bank="c">',
                  '<div class="lx-daily">', '<div class="lx-wrongbook">'):
        page = f"<body>{exam}</div>{other}</div>{TAG}</body>"
        # practice, a hand-written placeholder, 每日一练 or 错题本: the full engine
        assert engine_for_page(page) == page


def test_the_shipped_site_loads_the_engine_where_it_runs(shipped_site: Path) -> None:
    def loads(path: str, engine: str = "quiz.js") -> bool:
        return f"assets/lunxun/{engine}" in (shipped_site / path / "index.html").read_text(encoding="utf-8")

    assert loads("quizzes/liuchixiang-jichu") and loads("quizzes/meiri") and loads("quizzes/cuotiben")
    assert loads("quizzes/shuji-lunxun-jieye", "quiz-exam.js") and not loads("quizzes/shuji-lunxun-jieye")
    assert (shipped_site / "assets/lunxun/quiz-exam.js").is_file()
    assert not loads("methods/liuchixiang") and not loads("programmes/shuji-lunxun") and not loads(".")
    assert "assets/lunxun/progress.js" in (shipped_site / "methods/liuchixiang/index.html").read_text(encoding="utf-8")


def test_instant_navigation_keeps_it_everywhere(tmp_path: Path) -> None:
    import shutil

    from conftest import build_project

    project = tmp_path / "project"
    shutil.copytree(TESTS / "projects" / "sample", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  features:\n    - navigation.prune\n" in text
    config.write_text(text.replace("    - navigation.prune\n", "    - navigation.prune\n    - navigation.instant\n"),
                      encoding="utf-8")
    practice = project / "quizzes" / "tingqing-lianxi.yaml"
    exam = practice.read_text(encoding="utf-8").replace("mode: practice\n", "mode: exam\n")
    assert "mode: exam\n" in exam
    (project / "quizzes" / "tingqing-kaoshi.yaml").write_text(exam.replace("练习", "考试"), encoding="utf-8")
    site = build_project(project, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "navigation.instant" in home and "assets/lunxun/quiz.js" in home
    exam_page = (site / "quizzes" / "tingqing-kaoshi" / "index.html").read_text(encoding="utf-8")
    assert 'data-mode="exam"' in exam_page and "assets/lunxun/quiz.js" in exam_page  # later pages need all of it
    assert "quiz-exam.js" not in exam_page


def test_the_engine_style_sheet_goes_with_the_engine() -> None:
    style = '    <link rel="stylesheet" href="../../assets/lunxun/quiz.css">\n'
    site_style = '    <link rel="stylesheet" href="../../assets/lunxun/lunxun.css">\n'
    page = f"<head>{style}{site_style}</head><body><p>六尺巷</p>{TAG}{OTHER}</body>"
    assert engine_for_page(page) == f"<head>{site_style}</head><body><p>六尺巷</p>{OTHER}</body>"
    quiz = f'<head>{style}</head><body><div class="lx-quiz" data-bank="a"></div>{TAG}</body>'
    assert engine_for_page(quiz) == quiz
