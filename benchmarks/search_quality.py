"""Search quality of each engine on the shipped site, against tests/search_queries.yaml.

For every engine: how many queries pass (their expected pages in the top 3, their `found`
pages among the results, no page that must not appear), how many expected pages are found
at all / in the top 3 (recall in the top 3), the mean reciprocal rank of the first expected
page, and how many pages that must not appear do appear (in total, and the worst query);
the same for the questions and near-misses alone (kinds 问句 and 近似). The numbers behind
the choice of engine.

    python benchmarks/search_quality.py [--engines material material+ lunxun pagefind zensical] [-v]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml
from search_engines import ENGINES, REPO, Searcher, build, launch, serve

QUERIES = REPO / "tests" / "search_queries.yaml"  # data the tests check too, read by path

ASKED = ("问句", "近似")  # how trainees ask, rather than the names the pages use


def measure(engine: str, served, browser, queries: list[dict], verbose: bool) -> dict:
    searcher = Searcher(browser, engine, served)
    keys = ("passed", "expected", "found", "top3", "rr", "unexpected", "worst")
    row = {"engine": engine, "all": dict.fromkeys(keys, 0), "asked": dict.fromkeys(keys, 0)}
    try:
        searcher.first(queries[0]["query"])
        for case in queries:
            pages = searcher.query(case["query"]).pages
            wanted = case["top3"] + case.get("found", [])
            found = sum(page in pages for page in case["top3"])
            top3 = sum(page in pages[:3] for page in case["top3"])
            ranks = [pages.index(page) + 1 for page in wanted if page in pages]
            shown = [page for page in case.get("absent", []) if page in pages]
            ok = top3 == len(case["top3"]) and all(page in pages for page in wanted) and not shown
            for group in ("all", "asked") if case["kind"] in ASKED else ("all",):
                totals = row[group]
                totals["expected"] += len(case["top3"])
                totals["found"] += found
                totals["top3"] += top3
                totals["rr"] += 1 / min(ranks) if ranks else 0
                totals["unexpected"] += len(shown)
                totals["worst"] = max(totals["worst"], len(shown))
                totals["passed"] += ok
            if verbose and not ok:
                print(f"  {engine:9} {case['query']:10} top: {pages[:5]} unexpected: {shown}")
    finally:
        searcher.close()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list the queries an engine fails"
    )
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        for engine in args.engines:
            built = build(engine, REPO, Path(tmp) / engine)
            rows.append(measure(engine, serve(built.site), browser, queries, args.verbose))
        browser.close()
    sizes = {"all": len(queries), "asked": sum(case["kind"] in ASKED for case in queries)}
    print(f"\n{sizes['all']} queries of tests/search_queries.yaml on the shipped site "
          f"({sizes['asked']} of them questions and near-misses)\n")
    print("| engine | queries | passed | expected pages found | recall in the top 3 | MRR "
          "| unexpected pages (worst query) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        for group, label in (("all", "all"), ("asked", "questions")):
            t = row[group]
            print(
                f"| {row['engine']} | {label} | {t['passed']}/{sizes[group]} | {t['found']}/{t['expected']} | "
                f"{t['top3']}/{t['expected']} | {t['rr'] / max(1, sizes[group]):.2f} | "
                f"{t['unexpected']} ({t['worst']}) |"
            )


if __name__ == "__main__":
    main()
