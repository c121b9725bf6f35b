"""The browser scripts the site serves, each concatenated from its source sections.

The quiz engine and the progress panel are kept as one source file per section under
generator/assets/ (shared/, quiz/, progress/), so each can be read on its own and loaded on
its own by the node unit tests (tests/js/). Browsers get one plain script per bundle: module
scripts do not load from file://, and one file compresses better than several. The sections
share one scope, an IIFE in strict mode, so nothing leaks into the page's globals.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

import rcssmin
import rjsmin

# Served name → sections in load order (paths under generator/assets/). Both bundles start with
# the storage helper, so quiz.js and progress.js read and check stored values the same way, and
# share what to offer where WeChat or a plain-http page cannot download or copy (wechat.js).
BUNDLES: dict[str, tuple[str, ...]] = {
    "quiz.js": (
        "shared/storage.js", "shared/wechat.js", "shared/copy.js",
        "quiz/10-dom.js", "quiz/12-format.js", "quiz/15-random.js",
        "quiz/20-question-types.js", "quiz/21-single.js", "quiz/22-multiple.js", "quiz/23-judge.js",
        "quiz/24-blank.js", "quiz/25-order.js", "quiz/26-match.js", "quiz/27-case.js", "quiz/29-grading.js",
        "quiz/30-card.js", "quiz/40-draw.js", "quiz/45-saved-attempt.js",
        "quiz/50-scoring.js", "quiz/52-result-code.js", "quiz/53-ticket.js",
        "quiz/54-result-widgets.js", "quiz/55-qr.js", "quiz/56-profile-form.js",
        "quiz/57-review-schedule.js", "quiz/58-wrong-answers.js",
        "quiz/60-runner.js", "quiz/62-question-page.js", "quiz/63-practice-tools.js", "quiz/64-finish.js",
        "quiz/66-secretbox.js", "quiz/67-review.js",
        "quiz/70-wrongbook.js", "quiz/80-daily.js", "quiz/90-start.js", "quiz/95-checks.js",
    ),
    "progress.js": ("shared/storage.js", "shared/wechat.js", "shared/visits.js", "progress/progress.js"),
    # loaded by progress.js where a progress panel is: backup and restore of the trainee's record
    "backup.js": ("shared/storage.js", "shared/wechat.js", "shared/copy.js", "shared/visits.js", "backup/backup.js"),
    # the search engine (a web worker; on file:// it runs on the page): see assets/search/README.md
    "search.js": (
        "search/10-words.js", "search/20-text.js", "search/30-index.js", "search/40-query.js",
        "search/50-scoring.js", "search/60-results.js", "search/70-search.js", "search/90-messages.js",
    ),
    # the page's side of search: input without keyup, the index on first use, the engine from file://
    "search-shim.js": ("search-shim/10-input.js", "search-shim/20-first-use.js", "search-shim/30-engine.js"),
    # a cohort's 培训质量测评 and 点名 pages (render/rotation_pages.py): the LX2 code's bits, HMAC and
    # check symbol, the tickets' key (evaluation only), then their own codes and forms
    "evaluation.js": (
        "shared/storage.js", "shared/wechat.js", "shared/copy.js", "quiz/52-result-code.js", "quiz/53-ticket.js",
        "rotation/10-short-code.js", "rotation/20-form.js", "rotation/30-evaluation.js",
    ),
    "rollcall.js": (
        "shared/storage.js", "shared/wechat.js", "shared/copy.js", "quiz/52-result-code.js",
        "rotation/10-short-code.js", "rotation/20-form.js", "rotation/40-rollcall.js",
    ),
}
# Pages whose quizzes are all exams (engines/page_scripts.py) and SCORM packages of exams get the
# engine without the 错题本 and 每日一练 pages' sections and what only a practice has (pause, restart):
# an exam page is opened once, for a sitting, while practice pages share one cached quiz.js with those two pages.
PRACTICE_PAGES = ("quiz/63-practice-tools.js", "quiz/70-wrongbook.js", "quiz/80-daily.js")
BUNDLES["quiz-exam.js"] = tuple(path for path in BUNDLES["quiz.js"] if path not in PRACTICE_PAGES)


def bundle(name: str, sections: Iterable[tuple[str, str]]) -> str:
    """One script from ``(path, source)`` sections, in one strict-mode IIFE, minified.

    Minifying (comments and spaces only; rjsmin renames nothing) keeps the readable sources
    within the quiz engine's gzip budget (benchmarks/quiz_budget.py measures what is served).
    A ``/*! … */`` comment stays: a vendored section's one-line licence notice (quiz/55-qr.js).
    A header comment says where the sources are."""
    parts = list(sections)
    body = "".join(f"\n{source.rstrip()}\n" for _, source in parts)
    code = rjsmin.jsmin(f"(() => {{\n'use strict';\n{body}}})();", keep_bang_comments=True)
    folders = sorted({path.split("/")[0] + "/" for path, _ in parts})
    header = f"/*! lunxun {name}: minified from generator/assets/ {' '.join(folders)} by generator/render/bundle.py */"
    return f"{header}\n{code}\n"


def asset_bytes(name: str) -> bytes:
    """The bytes served as ``assets/lunxun/<name>``: a bundle built from its sections, a style sheet
    minified, or the file itself."""
    folder = resources.files("generator") / "assets"
    if name.endswith(".css"):
        return minified_css(name, (folder / name).read_text(encoding="utf-8")).encode("utf-8")
    if name not in BUNDLES:
        return (folder / name).read_bytes()
    sections = [(path, (folder / path).read_text(encoding="utf-8")) for path in BUNDLES[name]]
    return bundle(name, sections).encode("utf-8")


def minified_css(name: str, source: str) -> str:
    """A style sheet without comments and spaces (rcssmin, rjsmin's sibling: it only drops
    what CSS ignores), so the quiz engine's CSS counts less against its gzip budget."""
    header = f"/*! lunxun {name}: minified from generator/assets/{name} by generator/render/bundle.py */"
    return f"{header}\n{rcssmin.cssmin(source)}\n"
