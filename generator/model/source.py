"""A cited document (content/sources.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, TypeAdapter

from .common import CalendarDate, Entity, Slug, Text

SourceKind = Literal["讲话", "文章", "报道", "文件", "汇编"]


class Source(Entity):
    id: Slug
    title: Text
    kind: SourceKind
    date: CalendarDate | None = None
    publisher: str | None = None
    author: str | None = Field(None, description="作者（可选）")
    file: str | None = Field(None, description="原始文献的文件名（可选）")


SourceList = TypeAdapter(list[Source])
