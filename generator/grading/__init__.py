"""The one set of grading rules: how a response is judged, and how a seed reproduces an attempt.

The browser engine (generator/assets/quiz.js) implements the same rules; both sides are
tested against tests/data/grading_cases.json.
"""
