"""JSON Schemas for editors, generated from the models (the single source)."""

from __future__ import annotations

import json
from pathlib import Path as FsPath
from typing import Any

from pydantic import TypeAdapter

from ..model import Curriculum, Method, QuizBank, Source
from ..model.roster import Roster

SCHEMAS: dict[str, Any] = {
    "sources": TypeAdapter(list[Source]),
    "method": Method,
    "quiz": QuizBank,
    "curriculum": Curriculum,
    "roster": Roster,
}
TITLES = {"sources": "来源文献", "method": "工作方法", "quiz": "题库", "curriculum": "培训项目", "roster": "学员名册"}


def schema_texts() -> dict[str, str]:
    """File name → JSON text for every schema, stable across runs."""
    texts = {}
    for name, model in SCHEMAS.items():
        schema = model.json_schema() if isinstance(model, TypeAdapter) else model.model_json_schema()
        schema = _without_titles(schema)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[name], **schema}
        texts[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return texts


def _without_titles(node: Any) -> Any:
    """Drop pydantic's English per-field titles; the Chinese descriptions say more."""
    if isinstance(node, dict):
        return {k: _without_titles(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_without_titles(item) for item in node]
    return node


def write_schemas(folder: FsPath) -> list[FsPath]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
