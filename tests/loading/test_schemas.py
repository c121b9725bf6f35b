"""The JSON Schemas in schemas/ are generated from the models and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from paths import ROOT

from generator.commands.schema import schema_texts


def test_committed_schemas_match_the_models() -> None:
    for name, text in schema_texts().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run `lunxun schema`"


SHIPPED = sorted(
    [ROOT / "content" / "sources.yaml"]
    + list((ROOT / "content" / "methods").glob("*.yaml"))
    + list((ROOT / "content" / "curricula").glob("*.yaml"))
    + list((ROOT / "quizzes").glob("*.yaml"))
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_file_names_its_schema_and_passes_it(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_path = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))  # dates as the text an editor sees
    jsonschema.validate(data, schema)
