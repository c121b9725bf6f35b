"""What a first visit on a weak connection waits for (generator/engines/theme.py): the theme's
scripts are deferred in their order, Material's bundle waits for the first use of the page, the favicon
is part of the page, and a page without a quiz carries neither the quiz engine nor its style sheet
(benchmarks/first_visit.py measures it)."""

from __future__ import annotations

import re
from pathlib import Path

from paths import ROOT

from generator.engines import theme

BUNDLE = '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_the_bundle_and_what_follows_it_are_deferred_in_order() -> None:
    page = (
        '<head><script src="../../assets/lunxun/polyfills.js"></script>'
        '<script src="../../assets/lunxun/search-shim.js"></script>'
        '<script src="../../assets/other/early.js"></script><script>var inline = 1;</script></head>'
        f'<body><p>六尺巷</p>{BUNDLE}<script src="../../assets/lunxun/progress.js"></script>'
        '<script src="../../js/site.js"></script><script src="x.js" async></script></body>'
    )
    done = theme.defer_scripts(page)
    deferred = re.findall(r'<script src="([^"]+)" defer>', done)
    assert deferred == ["../../assets/lunxun/polyfills.js", "../../assets/lunxun/search-shim.js",
                        "../../assets/javascripts/bundle.a5f9d56c.min.js", "../../assets/lunxun/progress.js",
                        "../../js/site.js"]
    # a site's own script before the bundle, inline scripts and async ones keep their ways
    assert '<script src="../../assets/other/early.js"></script>' in done
    assert "<script>var inline = 1;</script>" in done and '<script src="x.js" async></script>' in done


def test_a_page_without_materials_bundle_is_left_alone() -> None:
    page = '<head><script src="assets/lunxun/search-shim.js"></script></head><body><script src="a.js"></script></body>'
    assert theme.defer_scripts(page) == page


def test_materials_bundle_waits_for_the_first_use_of_the_page() -> None:
    page = theme.defer_scripts(f'<body><p>六尺巷</p>{BUNDLE}<script src="../../js/site.js"></script></body>')
    done = theme.theme_on_first_use(page)
    assert "bundle.a5f9d56c.min.js\" defer" not in done and '<script src="../../js/site.js" defer></script>' in done
    tag = r'<script data-src="../../assets/javascripts/bundle\.a5f9d56c\.min\.js">(.*?)</script>'
    starter = re.search(tag, done, re.DOTALL)
    assert starter and "DOMContentLoaded" in starter[1] and "/*" not in starter[1]  # minified, its comments dropped
    assert len(starter[1]) < 1200
    assert theme.theme_on_first_use(done) == done  # once
    plain = '<body><script src="a.js" defer></script></body>'
    assert theme.theme_on_first_use(plain) == plain


def test_the_favicon_is_written_into_the_page_unless_the_site_has_its_own() -> None:
    class Config:
        def __init__(self, favicon: str | None) -> None:
            self.theme = {} if favicon is None else {"favicon": favicon}

    for default in (None, theme.MATERIAL_FAVICON):
        config = Config(default)
        theme.inline_favicon(config)
        icon = config.theme["favicon"]
        assert icon.startswith("data:image/svg+xml,%3Csvg ") and len(icon) < 600
        assert '"' not in icon and "#" not in icon and "<" not in icon  # safe in an attribute and a URL
    own = Config("images/our-logo.png")
    theme.inline_favicon(own)
    assert own.theme["favicon"] == "images/our-logo.png"


def test_the_shipped_method_page(shipped_site: Path) -> None:
    html = (shipped_site / "methods" / "liuchixiang" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="data:image/svg+xml,' in html and "favicon.png" not in html
    assert "assets/lunxun/quiz.css" not in html and "assets/lunxun/quiz.js" not in html
    blocking = re.findall(r'<script src="([^"]+)"></script>', html)
    assert blocking == []  # every script of the page waits for the page to be parsed
    order = re.findall(r'<script src="[^"]*/([^"/]+)" defer></script>', html)
    assert "search-shim.js" in order and not [n for n in order if n.startswith("bundle.")]
    # Material's bundle is fetched on the first use of the page, after the shim, by a script in its place
    (starter,) = re.findall(r'<script data-src="([^"]*/bundle\.[0-9a-f]+\.min\.js)">', html)
    assert (shipped_site / "methods" / "liuchixiang" / starter).resolve().is_file()
    assert html.index("search-shim.js") < html.index(starter)
    quiz = (shipped_site / "quizzes" / "liuchixiang-jichu" / "index.html").read_text(encoding="utf-8")
    assert "assets/lunxun/quiz.css" in quiz and 'assets/lunxun/quiz.js" defer>' in quiz


def test_lighthouse_runs_are_summed_up_by_their_medians() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("lunxun_lighthouse_medians", ROOT / "benchmarks" / "lighthouse.py")
    assert spec and spec.loader
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)

    def step(perf: int | None, tbt: float, failing: list[str]) -> dict:
        return {"name": "method", "mode": "navigation", "scores": {"performance": perf, "accessibility": 100},
                "metrics": {"tbt": tbt}, "failing": {"performance": failing}}

    runs = [[step(90, 400, ["total-blocking-time"])], [step(98, 120, [])], [step(97, 150, ["unused-css-rules"])]]
    (result,) = audit.median_of(runs)
    assert result["scores"] == {"performance": 97, "accessibility": 100} and result["metrics"] == {"tbt": 150}
    assert result["failing"]["performance"] == ["total-blocking-time", "unused-css-rules"]
    (snapshot,) = audit.median_of([[step(None, 0, [])], [step(None, 0, [])]])
    assert snapshot["scores"]["performance"] is None  # snapshots have no performance score
