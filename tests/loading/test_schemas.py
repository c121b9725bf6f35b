"""The JSON Schemas in schemas/ are generated from the models and must not drift."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

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


@functools.cache  # a file per test, a few schemas: each schema is checked and compiled once
def validator(schema_path: Path) -> Any:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    kind = jsonschema.validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_file_names_its_schema_and_passes_it(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_path = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # libyaml: the same reading, faster
    data = json.loads(json.dumps(data, default=str))  # dates as the text an editor sees
    validator(schema_path).validate(data)
