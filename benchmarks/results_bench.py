"""Time `lunxun results` on 100,000 result codes pasted from chat apps; the bar is 30 s.

The codes answer two of the shipped banks (one drawn 20 questions at a time), from trainees
of varied ability in 300 units, written the way chat exports look (time stamps, names,
quotes, noise lines), with retakes, repeated pastes, tampered and truncated codes.

    .venv/bin/python benchmarks/results_bench.py [--codes N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

from generator.loading.project import load_project
from generator.model.quiz import LETTERS, Blank, Case, Judge, Multiple, Order, Single
from generator.render.quiz import bank_json

ROOT = Path(__file__).resolve().parent.parent

BANKS = ("liuchixiang-jichu", "shuji-lunxun-jieye")
LIMIT_SECONDS = 30.0
FILES = 12
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华兰红春梅建国志玉"


def encode(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = base64.urlsafe_b64encode(text).decode("ascii").rstrip("=")
    return f"LX1.{body}.{zlib.crc32(body.encode('ascii')) & 0xFFFFFFFF:08x}"


def wrong_answer(question: Any, rng: random.Random) -> Any:
    if isinstance(question, Single):
        return rng.choice([letter for letter in LETTERS[: len(question.options)] if letter != question.answer])
    if isinstance(question, Multiple):
        letters = LETTERS[: len(question.options)]
        while True:
            chosen = "".join(sorted(rng.sample(letters, rng.randint(1, len(letters)))))
            if chosen != "".join(question.answer):
                return chosen
    if isinstance(question, Judge):
        return int(not question.answer)
    if isinstance(question, Blank):
        return [rng.choice(["不知道", "情", "法", texts[0] + "？"]) for texts in question.answer]
    size = len(question.items if isinstance(question, Order) else question.pairs)
    placed = list(range(size))
    first, second = rng.sample(placed, 2)
    placed[first], placed[second] = placed[second], placed[first]
    return placed


def right_answer(question: Any) -> Any:
    if isinstance(question, Single):
        return question.answer
    if isinstance(question, Multiple):
        return "".join(question.answer)
    if isinstance(question, Judge):
        return int(question.answer)
    if isinstance(question, Blank):
        return [texts[0] for texts in question.answer]
    return list(range(len(question.items if isinstance(question, Order) else question.pairs)))


def attempt(bank_id: str, bank: Any, version: str, trainee: tuple[str, str, str, float],
            rng: random.Random, finished: int) -> dict[str, Any]:
    name, unit, ident, ability = trainee
    drawn = bank.questions if bank.draw is None else rng.sample(bank.questions, bank.draw)
    presented, answers, correct, points, most = [], {}, {}, 0.0, 0.0
    for question in drawn:
        presented.append(question.id)
        parts = question.questions if isinstance(question, Case) else [question]
        if isinstance(question, Case):
            presented.extend(sub.id for sub in parts)
        for part in parts:
            most += part.points
            if rng.random() < 0.03:
                correct[part.id] = 0
                continue
            right = rng.random() < ability * (1.2 - 0.2 * (part.difficulty or 2))
            answers[part.id] = right_answer(part) if right else wrong_answer(part, rng)
            correct[part.id] = int(right)
            points += part.points if right else 0
    score = round(points / most * 100, 1)
    return {"v": 1, "b": bank_id, "bv": version, "s": rng.randrange(2**31), "n": name, "u": unit,
            "i": ident, "q": presented, "a": answers, "r": correct, "p": points, "m": most,
            "sc": score, "ok": int(score >= bank.pass_mark), "t": rng.randint(120, 1800), "f": finished}


def chat_line(code: str, trainee: tuple[str, str, str, float], rng: random.Random, stamp: int) -> str:
    name = trainee[0]
    clock = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(stamp + 8 * 3600))
    return rng.choice([
        f"{name} {clock}\n{code}",
        f"[{clock}] {name}: {code}",
        f"{name}：我的成绩码“{code}”",
        f"{code}",
        f"{name}\n\n  {code}  \n收到请回复",
    ])


def generate(folder: Path, count: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    project, _ = load_project(ROOT)
    banks = {bank_id: project.quizzes[bank_id].model for bank_id in BANKS}
    versions = {bank_id: bank_json(bank_id, bank)["version"] for bank_id, bank in banks.items()}
    units = [f"{rng.choice('东西南北中')}{rng.choice('山河湖桥林')}{kind}" for kind in ("镇", "乡", "街道") * 100]
    trainees: list[tuple[str, str, str, float]] = []
    taken: list[tuple[int, str]] = []
    lines: list[list[str]] = [[] for _ in range(FILES)]
    counts = {"codes": 0, "tampered": 0, "truncated": 0, "repeated": 0, "retakes": 0}
    recent: list[str] = []
    stamp = 1_746_064_800
    while counts["codes"] < count:
        stamp += rng.randint(1, 30)
        roll = rng.random()
        if roll < 0.04 and recent:
            code, kind = rng.choice(recent), "repeated"
        elif roll < 0.05 and recent:
            original = rng.choice(recent)
            spot = rng.randrange(10, len(original) - 12)
            code = original[:spot] + ("A" if original[spot] != "A" else "B") + original[spot + 1:]
            kind = "tampered"
        elif roll < 0.06 and recent:
            code, kind = rng.choice(recent)[: rng.randint(20, 200)], "truncated"
        else:
            if roll < 0.12 and taken:
                index, bank_id = rng.choice(taken)
                kind = "retakes"
            else:
                index = len(trainees)
                name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
                ident = f"{index:06d}" if rng.random() < 0.5 else ""
                trainees.append((name, rng.choice(units), ident, rng.uniform(0.35, 1.0)))
                bank_id = BANKS[0] if rng.random() < 0.6 else BANKS[1]
                taken.append((index, bank_id))
                kind = "codes"
            code = encode(attempt(bank_id, banks[bank_id], versions[bank_id], trainees[index], rng, stamp))
            recent = (recent + [code])[-200:]
        counts[kind] = counts.get(kind, 0) + 1
        if kind != "codes":
            counts["codes"] += 1
        trainee = trainees[rng.randrange(len(trainees))] if trainees else ("某人", "", "", 0.5)
        lines[rng.randrange(FILES)].append(chat_line(code, trainee, rng, stamp))
    for number, chunk in enumerate(lines):
        (folder / f"群聊{number + 1:02d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--codes", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the inputs and outputs in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        counts = generate(folder, args.codes)
        size = sum(path.stat().st_size for path in folder.glob("*.txt")) / 1e6
        print(f"{counts['codes']} codes in {FILES} files ({size:.0f} MB): {counts['retakes']} retakes, "
              f"{counts['repeated']} repeated, {counts['tampered']} tampered, {counts['truncated']} truncated")
        command = [sys.executable, "-m", "generator.cli", "results", *sorted(map(str, folder.glob("*.txt"))),
                   "-o", str(folder / "out"), "--root", str(ROOT)]
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its sheet worker
    print(done.stdout.strip())
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"lunxun results: {elapsed:.1f} s for {counts['codes']} codes, CPU {cpu:.1f} s "
          f"(bar: {LIMIT_SECONDS:.0f} s; load average at start {load:.1f} on {os.cpu_count()} CPUs)")
    return 0 if elapsed < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
