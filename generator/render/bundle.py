"""The browser scripts the site serves, each concatenated from its source sections.

The quiz engine and the progress panel are kept as one source file per section under
generator/assets/ (shared/, quiz/, progress/), so each can be read on its own and loaded on
its own by the node unit tests (tests/js/). Browsers get one plain script per bundle: module
scripts do not load from file://, and one file compresses better than several. The sections
share one scope, an IIFE in strict mode, so nothing leaks into the page's globals. What is
served is terser's minified copy of that script (made by ``make bundles``, render/minify.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable

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

# terser's copies of the bundles (``make bundles``), under generator/assets/, and what each was made from
MINIFIED = "minified"
MANIFEST = "manifest.json"


def joined(name: str, sections: Iterable[tuple[str, str]]) -> str:
    """The readable bundle: a header saying where the sources are, then the ``(path, source)``
    sections in one strict-mode IIFE. What terser minifies (``make bundles``)."""
    parts = list(sections)
    body = "".join(f"\n{source.rstrip()}\n" for _, source in parts)
    folders = sorted({path.split("/")[0] + "/" for path, _ in parts})
    header = f"/*! lunxun {name}: minified from generator/assets/ {' '.join(folders)} by generator/render/bundle.py */"
    return f"{header}\n(() => {{\n'use strict';\n{body}}})();\n"


def bundle(name: str, sections: Iterable[tuple[str, str]]) -> str:
    """The script served for ``name``: terser's copy when it was made from exactly these sections,
    else the sections with comments and spaces dropped (rjsmin).

    terser renames local names, which keeps the quiz engine within its gzip budget
    (benchmarks/quiz_budget.py). It needs node, which a trainer's machine need not have, so its
    output is made by ``make bundles`` and kept under assets/minified/ with the digest of the
    readable bundle it came from (render/minify.py); a stale or edited copy is never served.
    ``/*! … */`` comments stay in both: the header and a vendored section's licence line."""
    source = joined(name, sections)
    return minified_copy(name, source) or stripped(source)


def stripped(source: str) -> str:
    """A readable bundle (``joined``) without comments (but ``/*! … */``) and the spaces JavaScript
    ignores (rjsmin), its header line kept on a line of its own."""
    header, code = source.split("\n", 1)
    return f"{header}\n{rjsmin.jsmin(code, keep_bang_comments=True).strip()}\n"


def minified_copy(name: str, source: str, folder: Traversable | None = None) -> str | None:
    """terser's copy of ``name`` (in ``folder``, by default assets/minified/) if the manifest says
    it was made from ``source`` and the file is the one it made; None otherwise."""
    folder = folder or resources.files("generator") / "assets" / MINIFIED
    try:
        entry = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["bundles"][name]
        data = (folder / name).read_bytes()
    except (OSError, KeyError, TypeError, ValueError):
        return None
    if entry.get("source") != digest(source.encode("utf-8")) or entry.get("served") != digest(data):
        return None
    return data.decode("utf-8")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def asset_bytes(name: str) -> bytes:
    """The bytes served as ``assets/lunxun/<name>``: a bundle built from its sections, a style sheet
    minified, or the file itself."""
    folder = resources.files("generator") / "assets"
    if name.endswith(".css"):
        return minified_css(name, (folder / name).read_text(encoding="utf-8")).encode("utf-8")
    if name not in BUNDLES:
        return (folder / name).read_bytes()
    return bundle(name, bundle_sections(name)).encode("utf-8")


def bundle_sections(name: str) -> list[tuple[str, str]]:
    """``(path, source)`` of each section of the bundle ``name``, in load order."""
    folder = resources.files("generator") / "assets"
    return [(path, (folder / path).read_text(encoding="utf-8")) for path in BUNDLES[name]]


def minified_css(name: str, source: str) -> str:
    """A style sheet without comments and spaces (rcssmin, rjsmin's sibling: it only drops
    what CSS ignores), so the quiz engine's CSS counts less against its gzip budget."""
    header = f"/*! lunxun {name}: minified from generator/assets/{name} by generator/render/bundle.py */"
    return f"{header}\n{rcssmin.cssmin(source)}\n"
