"""Lighthouse on the shipped site, as a phone sees it: a table of scores, a non-zero exit under the bars.

Lighthouse's default (mobile) settings in Debian's Chromium, against the site served on
127.0.0.1: the home page, a method, a programme, a cohort and both kinds of quiz as loaded,
plus the quiz states reached only by use (practice after one answer, the exam's answer
sheet and its result) as snapshots, which have no performance score. Bars: accessibility
and best practices at least 95 on every step; performance is reported, not held to a bar
(simulated throttling on a shared machine varies from run to run).

    python benchmarks/lighthouse.py [--site DIR] [--reports DIR] [--runs N]

With --runs N it audits N times and reports each step's median scores and metrics.

Needs `chromium`, `node` and the npm packages of tests/audit: `make audit` installs them
and runs this.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "tests" / "audit"
BARS = {"accessibility": 95, "best-practices": 95}
STEPS = ["home", "method", "programme", "cohort", "practice", "practice-answered", "exam", "exam-sheet", "exam-result"]


class AuditError(RuntimeError):
    """Lighthouse could not run (a missing tool, a crash): not a score under a bar."""


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; with ``gzip_static`` set, a file's .gz copy when the browser accepts gzip."""

    gzip_static = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_static and accepts and path.is_file() and packed.is_file()):
            return super().send_head()
        body = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(packed.stat().st_size))
        self.end_headers()
        return body


@contextlib.contextmanager
def served(folder: Path, gzip_static: bool = True) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) while the block runs; yields the base URL.
    The build's .gz copies are sent as nginx's gzip_static sends them (docs/guide/deploy.md):
    Lighthouse's simulated slow network counts the bytes that really cross the wire.
    ``gzip_static=False`` serves the plain files, for comparison (first_visit.py)."""
    handler = functools.partial(type("Handler", (StaticHandler,), {"gzip_static": gzip_static}),
                                directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def run(site: Path, reports: Path | None = None, timeout: float = 600) -> list[dict]:
    """Audit a built site; one result per step: name, mode, scores, failing audits, metrics (ms)."""
    chromium, node = shutil.which("chromium"), shutil.which("node")
    if chromium is None or node is None:
        raise AuditError("需要 chromium 和 node：运行 make audit，它会安装二者")
    if not (AUDIT / "node_modules" / "lighthouse").is_dir():
        raise AuditError(f"缺少 Lighthouse：在 {AUDIT} 下运行 npm ci（make audit 会运行）")
    with tempfile.TemporaryDirectory() as scratch, served(site) as base:
        out = Path(scratch) / "lighthouse.json"
        command = [node, str(AUDIT / "lighthouse.mjs"), base, str(out)] + ([str(reports)] if reports else [])
        try:
            done = subprocess.run(
                command, check=False, cwd=AUDIT, env={**os.environ, "CHROME_PATH": chromium},
                capture_output=True, text=True, timeout=timeout,
            )
        except subprocess.TimeoutExpired as error:
            raise AuditError(f"Lighthouse 超过 {timeout:g} 秒未完成") from error
        if done.returncode != 0 or not out.is_file():
            raise AuditError(f"Lighthouse 运行失败：\n{(done.stderr or done.stdout)[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def shortfalls(results: list[dict]) -> list[str]:
    """Every step and category under its bar, with the audits that cost points; missing steps too."""
    problems = [f"{name}: no result" for name in STEPS if name not in {r["name"] for r in results}]
    for result in results:
        for category, bar in BARS.items():
            score = result["scores"].get(category)
            if score is None or score < bar:
                failing = ", ".join(result["failing"].get(category, [])) or "?"
                problems.append(f"{result['name']}: {category} {score} < {bar} ({failing})")
    return problems


def table(results: list[dict]) -> str:
    """The scores and the main performance metrics, one row per step."""
    def cell(value: float | None, scale: float = 1, digits: int = 0) -> str:
        return "—" if value is None else f"{value / scale:.{digits}f}"

    rows = [("step", "mode", "perf", "a11y", "best", "FCP s", "LCP s", "TBT ms", "CLS")]
    for r in results:
        scores, metrics = r["scores"], r["metrics"]
        rows.append((
            r["name"], r["mode"], cell(scores.get("performance")), cell(scores.get("accessibility")),
            cell(scores.get("best-practices")), cell(metrics.get("fcp"), 1000, 1), cell(metrics.get("lcp"), 1000, 1),
            cell(metrics.get("tbt")), cell(metrics.get("cls"), 1, 3),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def median_of(runs: list[list[dict]]) -> list[dict]:
    """One result per step from several runs: the median of each score and metric (Lighthouse's
    simulated throttling takes the CPU time it observes, which a shared machine stretches), the
    audits that cost points in any run."""
    out = []
    for name in [r["name"] for r in runs[0]]:
        steps = [r for run in runs for r in run if r["name"] == name]

        def middle(values: list[float | None]) -> float | None:
            known = [v for v in values if v is not None]
            return statistics.median(known) if known else None

        scores = {key: middle([s["scores"].get(key) for s in steps]) for key in steps[0]["scores"]}
        metrics = {key: middle([s["metrics"].get(key) for s in steps]) for key in steps[0]["metrics"]}
        failing = {key: sorted({a for s in steps for a in s["failing"].get(key, [])}) for key in steps[0]["failing"]}
        out.append({**steps[0], "scores": scores, "metrics": metrics, "failing": failing})
    return out


def _build_shipped(folder: Path) -> Path:
    from generator.engines.mkdocs.build import build_site

    return build_site(ROOT / "mkdocs.yml", site_dir=str(folder / "site"), strict=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the shipped one)")
    parser.add_argument("--reports", type=Path, help="also write each step's HTML report here")
    parser.add_argument("--runs", type=int, default=1, help="audit this many times; the table gives medians")
    args = parser.parse_args(argv)
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or _build_shipped(Path(scratch))
        try:
            runs = [run(site, args.reports) for _ in range(max(1, args.runs))]
        except AuditError as error:
            print(error, file=sys.stderr)
            return 2
    results = median_of(runs)
    if len(runs) > 1:
        print(f"medians of {len(runs)} runs")
    print(table(results))
    problems = shortfalls(results)
    bars = ", ".join(f"{name} ≥ {bar}" for name, bar in BARS.items())
    print(f"\n{'FAIL' if problems else 'OK'}: {bars} on every step")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
