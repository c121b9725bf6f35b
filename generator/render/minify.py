"""``make bundles``: terser's minified copy of every browser bundle, kept in the package.

terser (pinned in tests/audit/package.json) renames the names local to a bundle's scope, which
whitespace-only minifying cannot; that is what keeps the quiz engine inside its gzip budget. It
runs on node, which a trainer's machine need not have, so the copies are made here by a
developer, committed under generator/assets/minified/, and served by render/bundle.py only while
the manifest's digest of the readable bundle matches the sections as they are. The test suite
runs terser again and requires the same bytes (tests/render/test_minified_bundles.py).

    .venv/bin/python -m generator.render.minify   (make bundles)
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

from ..fs import write_atomically
from .bundle import BUNDLES, MANIFEST, MINIFIED, bundle_sections, digest, joined

ROOT = Path(__file__).resolve().parents[2]
TERSER = ROOT / "tests" / "audit" / "node_modules" / "terser"
# --comments some keeps /*! … */: the header and the QR encoder's licence line
OPTIONS = ("--compress", "--mangle", "--comments", "some")


def terser_version(terser: Path = TERSER) -> str:
    return str(json.loads((terser / "package.json").read_text(encoding="utf-8"))["version"])


def minify(source: str, terser: Path = TERSER) -> str:
    """terser's output for one readable bundle (``source``), read from stdin."""
    done = subprocess.run(["node", str(terser / "bin" / "terser"), *OPTIONS], input=source.encode("utf-8"),
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("utf-8").rstrip("\n") + "\n"


def made(terser: Path = TERSER) -> dict[str, str]:
    """Served name → terser's copy of that bundle, from the sections as they are now."""
    return {name: minify(joined(name, bundle_sections(name)), terser) for name in BUNDLES}


def manifest(copies: dict[str, str], terser: Path = TERSER) -> dict[str, object]:
    """What each copy was made from (the readable bundle's digest) and its own digest."""
    bundles = {name: {"source": digest(joined(name, bundle_sections(name)).encode("utf-8")),
                      "served": digest(text.encode("utf-8"))} for name, text in sorted(copies.items())}
    return {"terser": terser_version(terser), "options": list(OPTIONS), "bundles": bundles}


def main() -> int:
    if not (TERSER / "bin" / "terser").is_file():
        print("找不到 terser：先运行 make node 并在 tests/audit 里 npm ci（make bundles 会自动做）", file=sys.stderr)
        return 1
    folder = Path(str(resources.files("generator") / "assets" / MINIFIED))
    folder.mkdir(exist_ok=True)
    copies = made()
    for name, text in copies.items():
        write_atomically(folder / name, text.encode("utf-8"))
    index = json.dumps(manifest(copies), ensure_ascii=False, indent=2) + "\n"
    write_atomically(folder / MANIFEST, index.encode("utf-8"))
    print(f"已更新 {len(copies)} 个压缩脚本：{folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
