"""The browser files lunxun ships, in load order; every engine adapter and the SCORM export use it."""

from __future__ import annotations

# The quiz engine is one served script, concatenated from its sections (render/bundle.py). Served as three
# files it grew by 2 KB gzipped (each file compresses on its own), past the 18 KB budget.
QUIZ_SCRIPTS = ("quiz.js",)
# The engine without the 错题本 and 每日一练 pages (render/bundle.py), for pages whose quizzes are all
# exams. Served beside quiz.js but listed on no page: engines/page_scripts.py puts it in quiz.js's place.
EXAM_SCRIPTS = ("quiz-exam.js",)
QUIZ_STYLES = ("quiz.css",)
# Served, listed on no page: progress.js loads backup.js on pages with a progress panel (我的学习进度).
# The cohort's 测评 and 点名 pages load their script and styles themselves (render/rotation_pages.py).
ON_DEMAND = ("backup.js", "evaluation.js", "rollcall.js", "rotation.css")
# elder.js first: it sets the 长辈版 class before the others draw; elder.css last: it overrides them
SITE_ASSETS = ("elder.js", *QUIZ_SCRIPTS, "progress.js", *QUIZ_STYLES, "lunxun.css", "programme.css", "elder.css")
