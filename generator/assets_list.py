"""The browser files lunxun ships, in load order; every engine adapter and the SCORM export use it."""

from __future__ import annotations

# the quiz engine is three scripts that share window.lunxunQuiz; order matters
QUIZ_SCRIPTS = ("quiz-core.js", "quiz-run.js", "quiz.js")
QUIZ_STYLES = ("quiz.css",)
SITE_ASSETS = (*QUIZ_SCRIPTS, "progress.js", *QUIZ_STYLES, "lunxun.css", "programme.css")
