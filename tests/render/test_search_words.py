"""The word lists of the search engine (generator/assets/search/, served as search.js) against the shipped site's
own terms: the table of slips and everyday words points at words the material uses, and no
filler word dropped from questions is one of the site's terms."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT

from generator.pipeline import site_model
from generator.render.bundle import asset_bytes
from generator.render.glossary import collect_terms, dictionary_words

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (`make test` installs it: apt nodejs)")

_READ = """global.self = global; require(process.argv[1]);  // the engine as served
console.log(JSON.stringify({fillers: self.lunxunSearch.FILLERS, near: self.lunxunSearch.NEAR}));"""


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> dict:
    engine = tmp_path_factory.mktemp("engine") / "search.js"
    engine.write_bytes(asset_bytes("search.js"))
    done = subprocess.run([NODE or "node", "-e", _READ, str(engine)], capture_output=True, text=True,
                          timeout=60, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def terms() -> list[str]:
    """The words the site teaches its segmenter: names, aliases, steps, tags, principles."""
    return dictionary_words(collect_terms(site_model(ROOT)))


def test_the_lists_are_there(lists) -> None:
    assert {"怎么", "如何", "什么是", "的", "吗"} <= set(lists["fillers"])
    assert lists["near"]["调节"] == ["调解"]
    assert len(lists["near"]) >= 30


def test_no_filler_is_a_term_of_the_site(lists, terms) -> None:
    assert not set(lists["fillers"]) & set(terms)


def test_no_slip_is_a_term_of_the_site(lists, terms) -> None:
    # the table never redirects a word the site itself defines
    assert not set(lists["near"]) & set(terms)
    assert all(key not in targets for key, targets in lists["near"].items())


def test_the_table_points_at_words_the_material_uses(lists, terms, shipped_site: Path) -> None:
    index = json.loads((shipped_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "\n".join(doc["title"] + "\n" + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    missing = [(key, target) for key, targets in lists["near"].items() for target in targets
               if target not in text]
    assert not missing
    # and most targets are the site's own terms (the rest are plain words of its text: 会议, 走访)
    targets = {target for targets in lists["near"].values() for target in targets}
    assert len(targets & set(terms)) >= 15
