"""Search quality of each engine on the shipped site, against tests/search_queries.yaml.

For every engine: how many queries have all their expected pages in the top 3, how many
expected pages are found at all / in the top 3, and how many pages that must not appear
do appear (in total, and the worst query). The numbers behind the choice of engine.

    python benchmarks/search_quality.py [--engines material material+ lunxun pagefind zensical] [-v]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from search_engines import ENGINES, REPO, Searcher, build, launch, serve
from search_support import load_queries  # tests/, put on the path by search_engines


def measure(engine: str, served, browser, queries: list[dict], verbose: bool) -> dict:
    searcher = Searcher(browser, engine, served)
    row = {
        "engine": engine,
        "passed": 0,
        "expected": 0,
        "found": 0,
        "top3": 0,
        "unexpected": 0,
        "worst": 0,
    }
    try:
        searcher.first(queries[0]["query"])
        for case in queries:
            pages = searcher.query(case["query"]).pages
            found = sum(page in pages for page in case["top3"])
            top3 = sum(page in pages[:3] for page in case["top3"])
            shown = [page for page in case.get("absent", []) if page in pages]
            row["expected"] += len(case["top3"])
            row["found"] += found
            row["top3"] += top3
            row["unexpected"] += len(shown)
            row["worst"] = max(row["worst"], len(shown))
            ok = top3 == len(case["top3"]) and len(shown) <= 1
            row["passed"] += ok
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
    queries = load_queries()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        for engine in args.engines:
            built = build(engine, REPO, Path(tmp) / engine)
            rows.append(measure(engine, serve(built.site), browser, queries, args.verbose))
        browser.close()
    total = len(queries)
    print(f"\n{total} queries of tests/search_queries.yaml on the shipped site\n")
    print(
        "| engine | queries passed | expected pages found | … in the top 3 | unexpected pages (worst query) |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['engine']} | {row['passed']}/{total} | {row['found']}/{row['expected']} | "
            f"{row['top3']}/{row['expected']} | {row['unexpected']} ({row['worst']}) |"
        )


if __name__ == "__main__":
    main()
