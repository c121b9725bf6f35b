"""The 错题本's review schedule (generator/assets/quiz/57-review-schedule.js) against FSRS's reference
implementation, py-fsrs: review histories of right and wrong answers at chosen times go through both,
and every stability, difficulty and due date must agree (issue 17, item 11).

py-fsrs runs as the engine is configured: grades Good (right) and Again (wrong), no learning or
relearning steps in minutes, no fuzz, desired retention 0.9, its default FSRS-6 parameters.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler
from paths import TESTS

NODE = shutil.which("node")
ENGINE = TESTS / "js" / "engine.js"
START = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
HOUR = timedelta(hours=1)

# (hours after the previous review, right?) — the first answer is always wrong: that is how a question enters the book
HISTORIES: dict[str, list[tuple[float, bool]]] = {
    "reviewed when due, always right": [(0, False)] + [(-1, True)] * 6,
    "forgotten after a long gap": [(0, False), (-1, True), (-1, True), (24 * 40, False), (-1, True), (-1, True)],
    "drilled on the same day": [(0, False), (0.1, True), (0.2, True), (0.5, False), (1, True), (3, True)],
    "late and early reviews": [(0, False), (24 * 5, True), (12, True), (24 * 30, True), (2, False), (24 * 2, True)],
    "wrong again and again": [(0, False), (24, False), (24, False), (48, False), (-1, True)],
}


def reference(history: list[tuple[float, bool]]) -> list[dict[str, float]]:
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card, when, out = Card(), START, []
    for gap, right in history:
        when = card.due if gap < 0 else when + gap * HOUR  # -1: exactly when it falls due
        card, _ = scheduler.review_card(card, Rating.Good if right else Rating.Again, when)
        out.append({"now": when.timestamp() * 1000, "s": card.stability, "d": card.difficulty,
                    "due": card.due.timestamp() * 1000})
    return out


def ours(steps: list[list[tuple[float, bool]]], times: list[list[float]]) -> list[list[dict[str, float]]]:
    script = f"""
const {{load, plain}} = require({json.dumps(str(ENGINE))});
const engine = load(['shared/storage.js', 'quiz/57-review-schedule.js'], ['reviewCard']);
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const out = input.map(([history, times]) => {{
  let card = null;
  return history.map(([, right], k) => (card = plain(engine.reviewCard(card, right, times[k]))));
}});
process.stdout.write(JSON.stringify(out));
"""
    done = subprocess.run([NODE or "node", "-e", script], input=json.dumps(list(zip(steps, times))),
                          capture_output=True, text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def random_histories(count: int) -> dict[str, list[tuple[float, bool]]]:
    rng = random.Random(17)
    def step() -> tuple[float, bool]:
        return rng.choice([-1, -1, 0.5, 5, 30, 24 * rng.randint(1, 90)]), rng.random() < 0.7

    return {f"random {k}": [(0, False)] + [step() for _ in range(rng.randint(2, 12))] for k in range(count)}


@pytest.mark.skipif(NODE is None, reason="node is not installed (`make test` installs it: apt nodejs)")
def test_the_engine_schedules_as_py_fsrs_does() -> None:
    histories = HISTORIES | random_histories(40)
    expected = {name: reference(history) for name, history in histories.items()}
    got = ours(list(histories.values()), [[step["now"] for step in expected[name]] for name in histories])
    for (name, want), have in zip(expected.items(), got):
        assert len(have) == len(want), name
        for k, (a, b) in enumerate(zip(want, have)):
            assert b["s"] == pytest.approx(a["s"], rel=1e-9), (name, k)
            assert b["d"] == pytest.approx(a["d"], rel=1e-9), (name, k)
            assert b["due"] == a["due"], (name, k, (b["due"] - a["due"]) / 864e5)
            assert b["last"] == a["now"]
    # the histories reach every branch: long and short intervals, forgetting, same-day reviews
    intervals = {round((step["due"] - step["now"]) / 864e5) for steps in expected.values() for step in steps}
    assert 1 in intervals and max(intervals) >= 40
