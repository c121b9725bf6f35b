"""The node unit tests of the browser code (tests/js/*.test.js, node's built-in runner), so CI runs them.

The first test runs every file without a site: grading, blank normalisation, result codes,
stored values, the 错题本 scrub (the search-ranking file skips itself). The second builds the
shipped site once and runs the search-ranking file on its index with tests/search_queries.yaml.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import TESTS
from search_support import load_queries

JS_TESTS = TESTS / "js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed (`make test` installs it: apt nodejs)")


def node_test(files: list[Path], env: dict[str, str] | None = None) -> dict[str, int]:
    """Run ``node --test`` on files; fail with its report unless every test passed; the counts."""
    done = subprocess.run([NODE or "node", "--test", *map(str, files)], capture_output=True, text=True, check=False,
                          timeout=300, env={**os.environ, **(env or {})}, cwd=JS_TESTS.parent.parent)
    counts = {key: int(value) for key,
              value in re.findall(r"^# (tests|pass|fail|skipped) (\d+)$", done.stdout, re.MULTILINE)}
    assert done.returncode == 0 and counts.get("fail") == 0, done.stdout[-6000:] + done.stderr[-2000:]
    return counts


@needs_node
def test_node_unit_tests_pass() -> None:
    files = sorted(JS_TESTS.glob("*.test.js"))
    assert {f.name for f in files} >= {"exam-grading.test.js", "blank.test.js", "result-code.test.js",
                                       "storage.test.js", "scrub.test.js", "search-ranking.test.js"}
    counts = node_test(files)
    assert counts["pass"] >= 100 and counts["skipped"] == 6  # only the search-ranking file's, which need a site


@needs_node
def test_search_ranking_in_node(shipped_site: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries.json"
    queries.write_text(json.dumps(load_queries(), ensure_ascii=False), encoding="utf-8")
    counts = node_test([JS_TESTS / "search-ranking.test.js"], {
        "LUNXUN_SEARCH_INDEX": str(shipped_site / "search" / "search_index.json"),
        "LUNXUN_SEARCH_QUERIES": str(queries),
    })
    # one test per query, the list's own, and five on how queries are read and snippets cut
    assert counts["skipped"] == 0 and counts["pass"] == len(load_queries()) + 6
