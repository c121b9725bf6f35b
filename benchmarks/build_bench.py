"""Build and check performance of lunxun against floors measured in the same run.

- `lunxun build` of N methods + M banks × K questions, against `mkdocs build` of the very
  same pages written out as plain Markdown (no plugin: the floor). Budget: ratio ≤ 1.10.
- `lunxun check` of those files, against a bare `yaml.load` with the C loader. Budget ≤ 2.0.
- The same two builds pinned to one CPU (taskset), where lunxun cannot index search in a
  second process: reported, not budgeted.
- Peak memory of the build, all its processes together (budget ≤ 1 GB).
- `lunxun serve` rebuilds after editing one method (a step's text, then its title), against
  a full build.

    python benchmarks/build_bench.py [--methods 1000 --banks 100 --questions 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from synth import write_project  # a sibling: python puts a script's folder on sys.path

BIN = Path(sys.executable).parent


def _tree_rss(pid: int) -> int:
    """Resident memory (KiB) of a process and all its descendants, now."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # it has just ended
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        stack += [int(child) for child in children]
    return total


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of a child process and its own children
    together (lunxun's search worker is a second process), sampled every 20 ms."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # read the child's own peak through os.wait4 too: samples can miss a short spike
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, max(peak, usage.ru_maxrss)


def plain_markdown_project(project: Path, out: Path) -> Path:
    """The same pages as lunxun renders them, as an ordinary MkDocs project without our plugin."""
    from generator.pipeline import render_project
    from generator.render.assets import SITE_ASSETS as ASSETS
    from generator.render.bundle import asset_bytes

    rendered = render_project(project)
    docs = out / "docs"
    for path, text in rendered.pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    for path, data in rendered.files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)
    (docs / "assets" / "lunxun").mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        (docs / "assets" / "lunxun" / name).write_bytes(asset_bytes(name))
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p != "lunxun"]
    config["markdown_extensions"] = ["attr_list", "md_in_html", "tables"]
    config["extra_css"] = [f"assets/lunxun/{n}" for n in ASSETS if n.endswith(".css")]
    config["extra_javascript"] = [f"assets/lunxun/{n}" for n in ASSETS if n.endswith(".js")]
    config["nav"] = rendered.nav
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return out


def bare_yaml_load(project: Path) -> float:
    start = time.perf_counter()
    for path in sorted(project.rglob("*.yaml")):
        with path.open(encoding="utf-8") as stream:
            yaml.load(stream, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


EDITS = {  # what a trainer changes in one method file, and what `lunxun serve` then rebuilds
    "serve rebuild, a step's text edited": ("gist: ", "gist: 修改后："),  # that method's page
    "serve rebuild, the method renamed": ("工作法", "工作方法"),  # its title is in every page's menu
}


def serve_rebuilds(project: Path, method_file: Path) -> dict[str, float]:
    """Seconds from saving a method file to `lunxun serve` having rebuilt the site, per edit."""
    process = subprocess.Popen(  # bounded: the benchmark stops it in `finally`
        ["timeout", "900", str(BIN / "lunxun"), "serve", "-f", str(project / "mkdocs.yml"), "-a", "127.0.0.1:8765"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    times = {}
    try:
        for line in process.stdout:  # type: ignore[union-attr]
            if "预览地址：" in line:
                break
        for name, (old, new) in EDITS.items():
            time.sleep(1.0)
            method_file.write_text(method_file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            start = time.perf_counter()
            for line in process.stdout:  # type: ignore[union-attr]
                if "已重新生成" in line:
                    times[name] = time.perf_counter() - start
                    break
                if "重新生成失败" in line:
                    raise SystemExit(f"serve could not rebuild: {line.strip()}")
            else:
                raise SystemExit("serve ended before rebuilding")
        return times
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", type=int, default=1000)
    parser.add_argument("--banks", type=int, default=100)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--skip-serve", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lunxun-bench-") as tmp:
        root = Path(tmp)
        project = write_project(root / "project", args.methods, args.banks, args.questions, programmes=0)
        floor = plain_markdown_project(project, root / "plain")
        floor_time, floor_rss = timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(root / "plain-site")], cwd=floor)
        build_time, build_rss = timed(
            [str(BIN / "lunxun"), "build", "-f", str(project / "mkdocs.yml"), "-d", str(root / "site")])
        check_time, _ = timed([str(BIN / "lunxun"), "check", "--root", str(project)])
        bare = bare_yaml_load(project)
        loader_start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import yaml"], check=True)
        startup = time.perf_counter() - loader_start  # a fair floor also pays for starting Python
        rows = [
            ("lunxun build", f"{build_time:.1f} s", "mkdocs build, same pages", f"{floor_time:.1f} s",
             build_time / floor_time, 1.10),
            ("lunxun check", f"{check_time:.2f} s", "yaml.load (C loader)", f"{bare + startup:.2f} s",
             check_time / (bare + startup), 2.0),
        ]
        if shutil.which("taskset") and len(os.sched_getaffinity(0)) > 1:
            # without a spare CPU Material's search indexing stays in the build's process
            one = ["taskset", "-c", str(min(os.sched_getaffinity(0)))]
            floor_one, _ = timed(one + [str(BIN / "mkdocs"), "build", "-q", "-d", str(root / "plain-site")], cwd=floor)
            build_one, _ = timed(one + [str(BIN / "lunxun"), "build", "-f", str(project / "mkdocs.yml"),
                                        "-d", str(root / "site")])
            rows.insert(1, ("lunxun build, one CPU", f"{build_one:.1f} s", "mkdocs build, one CPU",
                            f"{floor_one:.1f} s", build_one / floor_one, None))
        if not args.skip_serve:
            for name, rebuild in serve_rebuilds(project, project / "content" / "methods" / "m0000.yaml").items():
                rows.append((name, f"{rebuild:.1f} s", "full lunxun build", f"{build_time:.1f} s",
                             rebuild / build_time, None))
        pages = args.methods + args.banks
        print(f"synthetic site: {args.methods} methods, {args.banks} banks × {args.questions} questions "
              f"({pages}+ pages)\n")
        print("| measured | time | floor | time | ratio | budget |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, value, floor_name, floor_value, ratio, budget in rows:
            budget_text = f"≤ {budget:.2f}" if budget else "—"
            print(f"| {name} | {value} | {floor_name} | {floor_value} | {ratio:.2f} | {budget_text} |")
        print(f"\npeak memory (all processes): lunxun build {build_rss / 1024:.0f} MiB (budget 1024 MiB), "
              f"plain mkdocs build {floor_rss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
