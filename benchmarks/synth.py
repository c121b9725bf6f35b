"""A synthetic lunxun project of any size, with realistic Chinese text, for benchmarks.

    python benchmarks/synth.py OUT --methods 1000 --banks 100 --questions 100 --programmes 10
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

PLACES = ["东城街道", "西山镇", "南湖社区", "北关村", "河西街道", "桃园村", "新华社区", "石桥镇", "云塘街道",
          "长山花园社区"]
ACTIONS = ["入户走访", "召开议事会", "建立台账", "公开承诺", "分类处置", "跟踪回访", "联合调解", "组织评议",
           "设岗定责", "网格排查", "结对帮扶", "民主评议", "专题研判", "现场办公", "定期通报"]
OBJECTS = ["邻里纠纷", "物业矛盾", "劳资争议", "群众诉求", "安全隐患", "困难群体", "流动人口", "党员队伍",
           "村级事务", "公共服务", "环境整治", "信访积案"]
CONNECT = ["坚持", "围绕", "聚焦", "通过", "依托", "结合"]
GOALS = ["把矛盾化解在基层", "让群众满意", "小事不出社区", "提升治理效能", "增强班子凝聚力", "推动问题解决"]
CATEGORIES = ["矛盾调解", "民主议事", "班子建设", "联系服务群众", "隐患排查", "党员管理"]
KINDS = ["开班式", "专题辅导", "经验介绍", "现场观摩", "分组讨论", "测验", "结业式"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(CONNECT)}{rng.choice(OBJECTS)}，{rng.choice(ACTIONS)}，"
            f"{rng.choice(ACTIONS)}，{rng.choice(GOALS)}。")


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return "".join(sentence(rng) for _ in range(sentences))


def method(rng: random.Random, index: int) -> dict:
    steps = [
        {"id": f"s{n}", "name": rng.choice(ACTIONS), "gist": paragraph(rng, 2),
         "actions": [sentence(rng) for _ in range(3)], "pitfalls": [sentence(rng)]}
        for n in range(1, rng.randint(3, 7))
    ]
    return {
        "id": f"m{index:04d}", "title": f"{rng.choice(PLACES)}{rng.choice(ACTIONS)}工作法{index}",
        "aliases": [f"{rng.choice(ACTIONS)}法{index}"], "category": rng.choice(CATEGORIES),
        "tags": rng.sample(OBJECTS, 2), "summary": paragraph(rng, 4), "origin": paragraph(rng, 2),
        "principles": rng.sample(GOALS, 2), "ordered": rng.random() < 0.7, "steps": steps,
        "cases": [{"title": f"{rng.choice(PLACES)}的做法", "place": rng.choice(PLACES),
                   "problem": paragraph(rng, 2), "approach": paragraph(rng, 2), "outcome": paragraph(rng, 1),
                   "figures": [{"label": f"化解{rng.choice(OBJECTS)}", "value": f"{rng.randint(3, 900)}起"}],
                   "source": "synth"}],
        "related": [], "sources": ["synth"],
    }


def question(rng: random.Random, qid: str, ref: str) -> dict:
    kind = rng.choice(["single", "single", "multiple", "judge", "blank", "order", "match"])
    base = {"id": qid, "type": kind, "stem": paragraph(rng, 1) + "下列说法正确的是？", "explain": paragraph(rng, 2),
            "ref": ref, "difficulty": rng.randint(1, 3)}
    options = [sentence(rng) for _ in range(4)]
    if kind == "single":
        return {**base, "options": options, "answer": rng.choice("ABCD")}
    if kind == "multiple":
        return {**base, "options": options, "answer": "".join(sorted(rng.sample("ABCD", 2)))}
    if kind == "judge":
        return {**base, "answer": rng.random() < 0.5}
    if kind == "blank":
        return {**base, "stem": f"{rng.choice(CONNECT)}____，{rng.choice(GOALS)}。", "answer": [[rng.choice(ACTIONS)]]}
    if kind == "order":
        return {**base, "items": rng.sample(ACTIONS, 4)}
    return {**base, "pairs": [[a, o] for a, o in zip(rng.sample(ACTIONS, 3), rng.sample(OBJECTS, 3))]}


def write_project(out: Path, methods: int, banks: int, questions: int, programmes: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    (out / "content" / "methods").mkdir(parents=True, exist_ok=True)
    (out / "content" / "curricula").mkdir(parents=True, exist_ok=True)
    (out / "quizzes").mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    (out / "content" / "sources.yaml").write_text(
        dump([{"id": "synth", "title": "合成测试文献", "kind": "汇编"}]), encoding="utf-8")
    all_methods = [method(rng, i) for i in range(methods)]
    for item in all_methods:
        (out / "content" / "methods" / f"{item['id']}.yaml").write_text(dump(item), encoding="utf-8")
    for b in range(banks):
        covered = rng.sample(all_methods, min(3, len(all_methods)))
        qs = []
        for n in range(questions):
            target = rng.choice(covered)
            qs.append(question(rng, f"q{n}", f"{target['id']}#{rng.choice(target['steps'])['id']}"))
        bank = {"id": f"b{b:03d}", "title": f"合成题库{b}", "methods": [m["id"] for m in covered],
                "mode": rng.choice(["practice", "exam"]), "questions": qs}
        (out / "quizzes" / f"b{b:03d}.yaml").write_text(dump(bank), encoding="utf-8")
    for p in range(programmes):
        sessions = []
        for n, (start, end) in enumerate([("08:30", "09:00"), ("09:00", "11:30"), ("14:00", "17:00")]):
            sessions.append({"time": f"{start}-{end}", "kind": KINDS[n], "title": sentence(rng),
                             "methods": [rng.choice(all_methods)["id"]] if all_methods else []})
        hours = 0.5 + 2.5 + 3.0
        programme = {"id": f"p{p:02d}", "title": f"合成培训项目{p}", "summary": paragraph(rng, 2),
                     "hours": hours * 2, "days": [{"sessions": sessions}, {"sessions": sessions}],
                     "cohorts": [{"id": "c1", "name": "第一期", "start": "2026-09-01", "capacity": 60}]}
        (out / "content" / "curricula" / f"p{p:02d}.yaml").write_text(dump(programme), encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: 合成站点\ntheme:\n  name: material\n  language: zh\n  font: false\n"
        "  features: [navigation.prune]\nplugins:\n  - search:\n      lang: zh\n  - lunxun\n",
        encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--methods", type=int, default=1000)
    parser.add_argument("--banks", type=int, default=100)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--programmes", type=int, default=10)
    args = parser.parse_args()
    write_project(args.out, args.methods, args.banks, args.questions, args.programmes)
    print(args.out)


if __name__ == "__main__":
    main()
