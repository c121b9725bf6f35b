"""generator/render/bundle.py: the served quiz.js and progress.js built from their sections."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib import resources

import pytest
from paths import TESTS

from generator.engines import theme
from generator.render.assets import EXAM_SCRIPTS, ON_DEMAND, SITE_ASSETS
from generator.render.bundle import BUNDLES, asset_bytes, bundle, bundle_sections, joined, stripped

ASSETS = resources.files("generator") / "assets"


def test_every_section_file_is_in_its_bundle_once_and_each_bundle_starts_with_storage() -> None:
    for folder, name in (("quiz", "quiz.js"), ("progress", "progress.js")):
        files = sorted(f"{folder}/{entry.name}" for entry in (ASSETS / folder).iterdir() if entry.name.endswith(".js"))
        listed = [path for path in BUNDLES[name] if path.startswith(folder + "/")]
        assert listed == files  # in name order, which is load order
        assert BUNDLES[name][0] == "shared/storage.js"
    for folder in ("search", "search-shim"):  # each one bundle of its own sections
        files = sorted(f"{folder}/{entry.name}" for entry in (ASSETS / folder).iterdir() if entry.name.endswith(".js"))
        assert list(BUNDLES[folder + ".js"]) == files
    assert set(BUNDLES) <= set(SITE_ASSETS + EXAM_SCRIPTS + ON_DEMAND) | set(theme.asset_names())


def test_bundle_is_one_strict_scope_without_comments() -> None:
    text = bundle("demo.js", [("a.js", "/* why */\nconst one = 1;\n"), ("b.js", "// two\nconst two = one + 1;\n")])
    header, code = text.split("\n", 1)
    assert header.startswith("/*! lunxun demo.js: minified from generator/assets/")
    assert code.startswith("(()=>{'use strict';") and code.rstrip().endswith("})();")
    assert "why" not in code and "two\n" not in code and "const one=1;" in code


def test_style_sheets_are_served_minified_with_every_token_kept() -> None:
    def tokens(css: str) -> list[str]:
        """What is left without comments and the spaces and last semicolons CSS ignores, in order.
        A space that means something stays as " ": between two words (``.a .b``), or before a colon
        after a word or ``)``, which in these sheets is always a selector's (``.md-typeset :is(…)``)."""
        parts = re.findall(r"[^\s{};:,>()!]+|[{};:,>()!]|\s+", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL))
        kept: list[str] = []
        for k, part in enumerate(parts):
            if not part.isspace():
                kept.append(part)
            elif 0 < k < len(parts) - 1 and (parts[k + 1] == ":" and parts[k - 1] not in set("{};,>(!")
                                              or not {parts[k - 1], parts[k + 1]} & set("{};:,>()!")):
                kept.append(" ")
        return [part for k, part in enumerate(kept) if not (part == ";" and kept[k + 1:k + 2] == ["}"])]

    for sheet in sorted(entry.name for entry in ASSETS.iterdir() if entry.name.endswith(".css")):
        source, served = (ASSETS / sheet).read_text(encoding="utf-8"), asset_bytes(sheet).decode("utf-8")
        assert served.startswith(f"/*! lunxun {sheet}: minified from generator/assets/{sheet}")
        assert tokens(served) == tokens(source) and len(served) < len(source), sheet


def test_other_plain_assets_are_served_as_they_are() -> None:
    assert asset_bytes("elder.js") == (ASSETS / "elder.js").read_bytes()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (`make test` installs it)")
@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_served_bundle_is_valid_javascript_and_stable(name: str, tmp_path) -> None:
    data = asset_bytes(name)
    assert data == asset_bytes(name)  # two builds, the same bytes
    (tmp_path / name).write_bytes(data)
    checked = subprocess.run(["node", "--check", str(tmp_path / name)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def test_stripping_keeps_every_literal(npm_tools, tmp_path) -> None:
    """rjsmin, what is served while terser's copy is stale, is regex-based: a template literal inside
    another's ``${…}`` could lose its spaces. Every string, template and regex literal of each
    stripped bundle must read as in the sources."""
    acorn = npm_tools / "node_modules" / "acorn" / "dist" / "acorn.mjs"
    script = TESTS / "js" / "literals.mjs"

    files = []  # (served, readable) of each bundle, all read by one node process
    for name, sections in BUNDLES.items():
        readable = "".join((ASSETS / path).read_text(encoding="utf-8") + "\n" for path in sections)
        (tmp_path / f"readable-{name}").write_text(f"(() => {{\n'use strict';\n{readable}}})();\n", encoding="utf-8")
        (tmp_path / f"served-{name}").write_text(stripped(joined(name, bundle_sections(name))), encoding="utf-8")
        files += [tmp_path / f"served-{name}", tmp_path / f"readable-{name}"]
    done = subprocess.run(["node", str(script), str(acorn), *map(str, files)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert len(found) == 2 * len(BUNDLES)
    for index, name in enumerate(BUNDLES):
        assert found[2 * index] == found[2 * index + 1], name


def test_the_exam_engine_is_the_engine_without_the_wrongbook_and_daily_pages() -> None:
    practice_pages = ("quiz/63-practice-tools.js", "quiz/70-wrongbook.js", "quiz/80-daily.js")
    assert BUNDLES["quiz-exam.js"] == tuple(path for path in BUNDLES["quiz.js"] if path not in practice_pages)
    readable = joined("quiz-exam.js", bundle_sections("quiz-exam.js"))
    assert "function wrongBookPage" not in readable and "function dailyPage" not in readable
    assert "function pause" not in readable and "function confirmRestart" not in readable  # no pause, no restart
    assert "function qrEncode" in readable
    served, practice = (asset_bytes(name).decode("utf-8") for name in ("quiz-exam.js", "quiz.js"))
    for text in ("错题本是空的", "meiri", "确认重新开始", "已暂停 · 剩余"):  # 错题本, 每日一练, restart, pause
        assert text in practice and text not in served
    assert "/*! QR Code generator library (c) Project Nayuki, MIT License" in served
