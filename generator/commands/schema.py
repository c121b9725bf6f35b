"""JSON Schemas for editors, generated from the models (the single source)."""

from __future__ import annotations

import json
from pathlib import Path as FsPath
from typing import Any

from pydantic import TypeAdapter

from ..fs import message, write_atomically
from ..model import Method, Programme, QuizBank, Source
from ..model.roster import Roster
from ..problems import UsageError

SCHEMAS: dict[str, Any] = {
    "sources": TypeAdapter(list[Source]),
    "method": Method,
    "quiz": QuizBank,
    "curriculum": Programme,  # schemas/curriculum.schema.json: the name trainers' files point at
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


def write_schemas(folder: FsPath, force: bool = False) -> list[FsPath]:
    """Write every schema; a file of the same name that is not a lunxun schema is kept unless ``force``."""
    texts = schema_texts()
    if not force:
        foreign = [folder / name for name in texts if (folder / name).exists() and not _ours(folder / name)]
        if foreign:
            raise UsageError("、".join(map(str, foreign)) + " 已存在，不是 lunxun 生成的 JSON Schema，未覆盖："
                             "请用 -o 换一个目录，或确认后加 --force")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(message(folder, error)) from None
    written = []
    for name, text in texts.items():
        write_atomically(folder / name, text.encode("utf-8"))
        written.append(folder / name)
    return written


def _ours(path: FsPath) -> bool:
    """A schema lunxun wrote: JSON naming the draft and one of lunxun's Chinese titles."""
    try:
        data = json.loads(path.read_bytes()[:2_000_000])
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("$schema", "").startswith("https://json-schema.org/") and (
        data.get("title") in TITLES.values())
