"""generator/render/minify.py and bundle.py: terser's committed copies of the bundles, served only
while they are exactly what terser makes of the sections as they are."""

from __future__ import annotations

import gzip
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from generator.render import bundle as bundles
from generator.render import minify
from generator.render.bundle import BUNDLES, MANIFEST, MINIFIED, asset_bytes, bundle_sections, joined

COPIES = resources.files("generator") / "assets" / MINIFIED
EXAM_BUDGET = 24 * 1024  # issue 13: an exam page's engine, cipher and QR code included, with its CSS


@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_every_bundle_is_served_as_terser_made_it_from_the_sections_as_they_are(name: str) -> None:
    copy = bundles.minified_copy(name, joined(name, bundle_sections(name)))
    assert copy is not None, f"{name}: generator/assets/minified/ is out of date: run make bundles"
    assert asset_bytes(name) == copy.encode("utf-8")
    assert copy.startswith(f"/*! lunxun {name}: minified from generator/assets/")


def test_terser_makes_the_same_bytes_again(npm_tools) -> None:
    """The committed copies are terser's own output (the pinned version and options), not edited."""
    terser = npm_tools / "node_modules" / "terser"
    index = json.loads((COPIES / MANIFEST).read_text(encoding="utf-8"))
    assert index["terser"] == minify.terser_version(terser) and index["options"] == list(minify.OPTIONS)
    made = minify.made(terser)  # terser over every bundle: the fast loop's most costly step, so once
    for name, text in made.items():
        assert (COPIES / name).read_text(encoding="utf-8") == text, name
    assert index == minify.manifest(made, terser)


def test_a_section_changed_after_make_bundles_is_served_stripped_not_stale() -> None:
    sections = bundle_sections("quiz-exam.js")
    path, source = sections[-1]
    edited = [*sections[:-1], (path, source + "\nconst addedAfterMakeBundles = 1;\n")]
    served = bundles.bundle("quiz-exam.js", edited)
    assert served == bundles.stripped(joined("quiz-exam.js", edited))
    assert "addedAfterMakeBundles" in served and served != asset_bytes("quiz-exam.js").decode("utf-8")


def test_an_edited_or_missing_copy_is_not_served(tmp_path: Path) -> None:
    folder = tmp_path / MINIFIED
    shutil.copytree(Path(str(COPIES)), folder)
    source = joined("quiz.js", bundle_sections("quiz.js"))
    assert bundles.minified_copy("quiz.js", source, folder) is not None
    text = (folder / "quiz.js").read_text(encoding="utf-8")
    (folder / "quiz.js").write_text(text.replace("lunxun:v1:", "lunxun:v2:"), encoding="utf-8")
    assert bundles.minified_copy("quiz.js", source, folder) is None
    (folder / "quiz.js").unlink()
    assert bundles.minified_copy("quiz.js", source, folder) is None
    (folder / MANIFEST).write_text("{not json", encoding="utf-8")
    assert bundles.minified_copy("progress.js", joined("progress.js", bundle_sections("progress.js")), folder) is None


def test_the_exam_engine_as_served_is_within_its_gzip_budget() -> None:
    served = asset_bytes("quiz-exam.js") + asset_bytes("quiz.css")
    assert len(gzip.compress(served, 9)) <= EXAM_BUDGET
