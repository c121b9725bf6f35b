"""Search on a synthetic 1,000-page site: every engine tried, measured in the same run.

For each engine: the build time; the bytes a reader's browser fetches before the first
result appears (the index alone, and everything search loads: index, engine, wasm), as
served and gzip-compressed; the time from the last keystroke to the results in headless
Chromium, for a query typed as soon as the page has loaded (the index still loading) and
the median of later queries.

    python benchmarks/search_bench.py [--pages 1000] [--repeat 2] [--engines material lunxun pagefind zensical]

Build times are the fastest of --repeat builds: on a shared machine one build can be slowed
by others' work.
"""

from __future__ import annotations

import argparse
import gzip
import random
import tempfile
from pathlib import Path

import yaml
from search_engines import ENGINES, Searcher, build, launch, median, serve

SUBJECTS = ["党组织", "村委会", "居委会", "网格员", "志愿者", "居民代表", "乡贤", "调解员", "楼栋长", "党员中心户",
            "驻村干部", "物业公司", "业委会", "司法所", "派出所", "综治中心", "妇联", "老年协会", "社工", "包片干部"]
VERBS = ["排查", "化解", "协商", "走访", "公示", "评议", "督办", "回访", "研判", "联动", "调处", "登记", "帮扶",
         "宣讲", "核实", "流转", "兜底", "问效", "议定", "把关", "摸排", "疏导", "跟踪", "报告"]
OBJECTS = ["矛盾纠纷", "安全隐患", "民生诉求", "集体资产", "宅基地", "物业服务", "停车难", "垃圾分类", "养老服务",
           "留守儿童", "征地拆迁", "环境整治", "危房改造", "低保申请", "邻里噪音", "土地流转", "工资拖欠",
           "小区加装电梯", "老旧小区改造", "防汛备汛", "消防通道", "食品安全", "流动人口", "特殊困难群体"]
MANNERS = ["及时", "定期", "逐户", "全程", "主动", "依法", "公开", "分类", "就近", "联合", "限时", "常态化"]
RESULTS = ["群众满意度明显提升", "信访量大幅下降", "矛盾就地化解", "小事不出村", "办事效率提高",
           "干群关系更加融洽", "隐患得到及时消除", "集体经济收入增加", "村务更加透明", "邻里关系得到修复"]
PLACE_CHARS = "东西南北中新华安平和长宁兴民福康泰永丰金石桥河湖山林阳光明德顺云塘杉莲柳桃梅松竹"
PLACE_KINDS = ["街道", "社区", "村", "镇"]
CORES = ["协商共治", "网格服务", "积分管理", "院落议事", "红色代办", "党员联户", "清单管理", "夜访夜谈",
         "三级联动", "说事评理", "分级调处", "一站受理", "百姓议事", "乡贤调解", "楼栋自治", "阳光村务"]
CATEGORIES = ["矛盾调解", "民主议事", "班子建设", "联系服务群众", "隐患排查", "党员管理", "村务公开", "乡村振兴"]


def _zipf(rng: random.Random, words: list[str]) -> str:
    """Common words often, rare words rarely, as in real text."""
    return words[min(int(rng.paretovariate(1.2)) - 1, len(words) - 1)]


def sentence(rng: random.Random) -> str:
    forms = [
        lambda: f"{_zipf(rng, SUBJECTS)}{_zipf(rng, MANNERS)}{_zipf(rng, VERBS)}{_zipf(rng, OBJECTS)}，"
                f"{_zipf(rng, RESULTS)}。",
        lambda: f"针对{_zipf(rng, OBJECTS)}问题，由{_zipf(rng, SUBJECTS)}牵头{_zipf(rng, VERBS)}，"
                f"{_zipf(rng, MANNERS)}向群众反馈。",
        lambda: f"一年来共{_zipf(rng, VERBS)}{_zipf(rng, OBJECTS)}{rng.randint(3, 900)}件，{_zipf(rng, RESULTS)}。",
        lambda: f"坚持{_zipf(rng, MANNERS)}{_zipf(rng, VERBS)}，做到{_zipf(rng, OBJECTS)}有人管、有人问、有回音。",
    ]
    return rng.choice(forms)()


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(sentence(rng) for _ in range(sentences))


def place(rng: random.Random) -> str:
    return "".join(rng.sample(PLACE_CHARS, 2)) + rng.choice(PLACE_KINDS)


def method(rng: random.Random, number: int) -> dict:
    home = place(rng)
    core = rng.choice(CORES)
    steps = []
    for n in range(1, rng.randint(4, 6) + 1):
        name = f"{rng.choice(VERBS)}{rng.choice(['', '到位', '在先', '有方', '为民'])}"
        steps.append({"id": f"s{n}", "name": name, "gist": paragraph(rng, 2),
                      "actions": [sentence(rng) for _ in range(2)], "pitfalls": [sentence(rng)]})
    cases = [{"title": f"{place(rng)}{rng.choice(OBJECTS)}{rng.choice(VERBS)}", "place": place(rng),
              "problem": paragraph(rng, 2), "approach": paragraph(rng, 3), "outcome": paragraph(rng, 1),
              "figures": [{"label": f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}", "value": f"{rng.randint(3, 900)}件"}],
              "source": "synth"} for _ in range(rng.randint(1, 2))]
    return {
        "id": f"m{number:04d}", "title": f"{home}“{core}”工作法", "aliases": [f"{home}{core}"],
        "category": rng.choice(CATEGORIES), "tags": rng.sample(OBJECTS, 3), "summary": paragraph(rng, 4),
        "origin": paragraph(rng, 2), "principles": rng.sample(RESULTS, 2), "ordered": rng.random() < 0.7,
        "steps": steps, "cases": cases, "sources": ["synth"],
    }


def write_site(out: Path, pages: int, seed: int = 2026) -> tuple[Path, list[str]]:
    """A project of ``pages`` method pages, and twenty queries a reader might type on it."""
    rng = random.Random(seed)
    (out / "content" / "methods").mkdir(parents=True)
    (out / "docs").mkdir()
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    (out / "content" / "sources.yaml").write_text(
        dump([{"id": "synth", "title": "合成测试文献", "kind": "汇编"}]), encoding="utf-8")
    methods = [method(rng, n) for n in range(pages)]
    for item in methods:
        (out / "content" / "methods" / f"{item['id']}.yaml").write_text(dump(item), encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: 合成站点\ntheme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search:\n      lang: zh\n  - lunxun\n", encoding="utf-8")
    picks = rng.sample(methods, 8)
    queries = [m["title"].split("“")[0] for m in picks[:3]]  # a place
    queries += [m["aliases"][0] for m in picks[3:5]]  # place + core
    queries += [m["steps"][0]["name"] for m in picks[5:7]] + [picks[7]["cases"][0]["place"]]
    queries += ["宅基地", "停车难", "会诊", "协商共治", "积分管理", "老旧小区改造", "乡贤调解", "调解员"]
    queries += ["宅基地 调解员", "垃圾分类 志愿者", "消防通道 物业服务", "矛盾纠纷 就地化解"]
    return out, queries


def sizes(site: Path, files: list[tuple[str, int]]) -> tuple[int, int]:
    """Bytes as served, and as a server that gzips would send them (Pagefind's are gzipped)."""
    raw = sum(size for _, size in files)
    packed = 0
    for path, size in files:
        data = (site / path.lstrip("/")).read_bytes()
        packed += min(size, len(gzip.compress(data, 6)))
    return raw, packed


def measure(built, browser, queries: list[str]) -> dict:
    searcher = Searcher(browser, built.engine, serve(built.site), every=False)
    try:
        first = searcher.first(queries[0])
        index_files, search_files = searcher.search_files()
        later = [searcher.query(q).milliseconds for q in queries[1:]]
    finally:
        searcher.close()
    index, index_gz = sizes(built.site, index_files)
    everything, everything_gz = sizes(built.site, search_files)
    return {
        "engine": built.engine, "build": built.seconds, "index": index, "index_gz": index_gz,
        "all": everything, "all_gz": everything_gz, "first": first.milliseconds,
        "later": median(later), "worst": max(later), "hits": len(first.pages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2, help="builds per engine; the fastest counts")
    parser.add_argument("--engines", nargs="+", default=[e for e in ENGINES if e != "material+"], choices=ENGINES)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        project, queries = write_site(Path(tmp) / "project", args.pages)
        browser = launch(playwright)
        for engine in args.engines:
            builds = [build(engine, project, Path(tmp) / f"{engine}-{n}") for n in range(args.repeat)]
            rows.append(measure(min(builds, key=lambda b: b.seconds), browser, queries))
        browser.close()
    kb = lambda n: f"{n / 1024:,.0f} KB"
    print(f"\nSearch on a synthetic site of {args.pages} method pages, {len(queries)} queries, headless Chromium\n")
    print("| engine | build | index before 1st result (gzip) | all search bytes (gzip) "
          "| 1st query, index loading | later queries, median (worst) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['engine']} | {r['build']:.1f} s | {kb(r['index'])} ({kb(r['index_gz'])}) | "
              f"{kb(r['all'])} ({kb(r['all_gz'])}) | {r['first']:,.0f} ms | "
              f"{r['later']:,.0f} ms ({r['worst']:,.0f} ms) |")


if __name__ == "__main__":
    main()
