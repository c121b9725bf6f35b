"""What did parse in a file that failed its schema, so its other mistakes are found too.

A programme without its ``summary`` still has sessions whose times overlap; the trainer
should learn both in one run. Each field that failed is left out when it is optional, or
given a stand-in value when it is required, and the model is validated again. The checks
then run on that model, and any problem they report at a stand-in is dropped: the schema
error already says what is wrong there.
"""

from __future__ import annotations

import datetime
import types
import typing
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..problems import Path
from .messages import data_path

T = TypeVar("T", bound=BaseModel)
_ROUNDS = 4  # a stand-in can uncover the next mistake (a model checks itself after its fields)
_CANDIDATES: tuple[Any, ...] = ("x", 1, True, datetime.date(2000, 1, 1))


def salvage(model: type[T], data: Any, error: ValidationError) -> tuple[T, frozenset[Path]] | None:
    """The model built from ``data`` with its failing fields dropped or stood in for, and
    the paths of those fields; None when too much of the file's shape is wrong."""
    repaired = _copy(data)
    filled: set[Path] = set()
    for _ in range(_ROUNDS):
        for item in error.errors(include_url=False):
            path = _field_path(data_path(repaired, tuple(item["loc"])))
            if not path or path in filled or not _repair(model, repaired, path):
                return None
            filled.add(path)
        try:
            return model.model_validate(repaired), frozenset(filled)
        except ValidationError as again:
            error = again
    return None


def _field_path(path: Path) -> Path:
    """Up to the field that holds a failing list item: an item cannot be left out without
    moving every later one to another index."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    return path


def _repair(model: type[BaseModel], data: Any, path: Path) -> bool:
    owner = _walk(data, path[:-1])
    annotation, required = _annotation(model, data, path)
    if not isinstance(owner, dict) or annotation is None:
        return False
    name = path[-1]
    if not required:
        owner.pop(name, None)
        return True
    stand_in = _stand_in(annotation)
    if stand_in is _NONE:
        return False
    owner[name] = stand_in
    return True


_NONE = object()


def _stand_in(annotation: Any) -> Any:
    """A value the field accepts, whatever it means."""
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)[0]
    adapter = TypeAdapter(annotation)
    for candidate in _CANDIDATES:
        try:
            adapter.validate_python(candidate)
        except ValidationError:
            continue
        return candidate
    return _NONE


def _annotation(model: type[BaseModel], data: Any, path: Path) -> tuple[Any, bool]:
    """The declared type of the field at ``path`` (constraints included) and whether it is
    required; (None, False) when the path leads nowhere in the model."""
    current: Any = model
    node = data
    annotation, required = None, False
    for part in path:
        if isinstance(part, int):
            current = _item_type(current)
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            continue
        cls = _model_of(current, node)
        if cls is None or part not in cls.model_fields:
            return None, False
        info = cls.model_fields[part]
        annotation = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        required = info.is_required()
        current = info.annotation
        node = node.get(part) if isinstance(node, dict) else None
    return annotation, required


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _item_type(annotation: Any) -> Any:
    annotation = _strip(annotation)
    for option in _options(annotation):
        if typing.get_origin(option) is list:
            return typing.get_args(option)[0]
    return None


def _options(annotation: Any) -> list[Any]:
    annotation = _strip(annotation)
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return [_strip(arg) for arg in typing.get_args(annotation)]
    return [annotation]


def _model_of(annotation: Any, node: Any) -> type[BaseModel] | None:
    """The model a value is validated against; of a union of question types, the one its
    ``type`` names."""
    models = [o for o in _options(annotation) if isinstance(o, type) and issubclass(o, BaseModel)]
    if len(models) > 1 and isinstance(node, dict):
        for candidate in models:
            field = candidate.model_fields.get("type")
            if field is not None and node.get("type") in typing.get_args(field.annotation):
                return candidate
        return None
    return models[0] if models else None


def _walk(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(data, list) and isinstance(part, int):
            data = data[part] if 0 <= part < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _copy(data: Any) -> Any:
    """Containers copied, scalars shared: the repairs must not change the document's data."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) for item in data]
    return data
