"""Pydantic's validation errors, told in Chinese and pinned to the YAML node they concern."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model.quiz import QUESTION_TYPES
from ..problems import Path, Problem
from .load import Document

_TEMPLATES = {
    "missing": "缺少必填字段",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字（不能是 .inf 或 .nan）",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（每项以“- ”开头，或写成 [a, b]）",
    "dict_type": "应为字段映射（字段: 值）",
    "model_type": "应为字段映射（字段: 值）",
    "model_attributes_type": "应为字段映射（字段: 值）",
    "date_type": "应为日期，如 2026-09-01",
    "date_parsing": "应为日期，如 2026-09-01",
    "date_from_datetime_parsing": "应为日期，如 2026-09-01",
    "date_from_datetime_inexact": "应为日期，不带时间",
    "string_too_short": "不能为空",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "literal_error": "应为以下之一：{expected}",
    "union_tag_not_found": "缺少 type 字段（题型）",
}


def known_fields(model: type[BaseModel]) -> set[str]:
    """Every field name used anywhere in a model tree, for “did you mean” hints."""
    names: set[str] = set()
    pending: list[Any] = [model]
    seen: set[Any] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            for name, field in current.model_fields.items():
                names.add(name)
                pending.append(field.annotation)
        pending.extend(getattr(current, "__args__", ()) or ())
        pending.extend(getattr(current, "__metadata__", ()) or ())
        if current.__class__.__name__ == "FieldInfo":
            pending.append(current.annotation)
    return names


UNION_TAGS = frozenset(QUESTION_TYPES)


def data_path(data: Any, loc: tuple[Any, ...]) -> Path:
    """Drop the union tags pydantic adds to a location, keeping only real keys and indexes."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if isinstance(node, dict) and part in node or in_list:
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and part in UNION_TAGS:
            continue  # the question type pydantic chose, not a key of the file
        elif isinstance(node, dict) or node is None:
            path.append(part)  # a missing or unknown field
            node = None
    return tuple(path)


def translate(
    error: ValidationError, doc: Document, prefix: Path = (), fields: set[str] | None = None
) -> list[Problem]:
    """Turn a ValidationError on ``doc.data`` (or a part of it at ``prefix``) into Problems."""
    problems = []
    root = _at(doc.data, prefix)
    for item in error.errors(include_url=False):
        path = prefix + data_path(root, tuple(item["loc"]))
        kind = item["type"]
        ctx = item.get("ctx") or {}
        if kind == "extra_forbidden":
            name = str(path[-1])
            hint = difflib.get_close_matches(name, sorted(fields or ()), n=1)
            message = f"未知字段“{name}”" + (f"，是否想写“{hint[0]}”？" if hint else "")
            problems.append(doc.problem(path, message, key=True))
            continue
        if kind == "union_tag_invalid":
            path = path + ("type",)
            message = f"未知题型“{ctx.get('tag')}”，可用：{ctx.get('expected_tags', '').replace(chr(39), '')}"
        elif kind in _TEMPLATES:
            message = _TEMPLATES[kind].format(**{k: _plain(v) for k, v in ctx.items()})
        else:
            message = item["msg"]  # custom validators already speak Chinese
        problems.append(doc.problem(path, message))
    return problems


def _plain(value: Any) -> str:
    return str(value).replace("'", "").replace(" or ", "、").replace(", ", "、")


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data
