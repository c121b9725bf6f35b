"""The one set of grading rules: how a response is judged, and how a seed reproduces an attempt.

The browser engine implements the same rules (generator/assets/quiz/: 15-random.js, the
question types 2x-*.js, 40-draw.js, 50-scoring.js); both sides are tested against
tests/data/grading_cases.json (tests/grading/test_exam_grading.py, tests/js/exam-grading.test.js).
"""
