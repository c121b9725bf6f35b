"""Shared field types and the base model every entity builds on."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


class Entity(BaseModel):
    """Base: unknown fields are mistakes; numbers are accepted where text is expected (as
    the text written: the loader's numbers remember it); .inf and .nan are no numbers."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True, allow_inf_nan=False)


def _check_slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise PydanticCustomError(
            "slug", "“{value}”不是合法的标识：只能用小写英文字母、数字和连字符，且以字母或数字开头",
            {"value": value},
        )
    return value


def _text_list(value: Any) -> Any:
    """Let a single text stand for a one-item list (``tags: 邻里纠纷``)."""
    return [value] if isinstance(value, (str, int, float)) else value


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}.*")


def _calendar_date(value: Any) -> Any:
    """A day of the calendar: 2026-09-01 (written as text, or a date from an import)."""
    if isinstance(value, datetime.datetime) or isinstance(value, str) and _DATE_TIME.fullmatch(value.strip()):
        raise PydanticCustomError("date_only", "应为日期，不带时间，如 2026-09-01")
    if isinstance(value, datetime.date):
        return value
    match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise PydanticCustomError(
        "calendar_date", "“{value}”不是有效的日期，应写成 年-月-日，如 2026-09-01", {"value": str(value)}
    )


CalendarDate = Annotated[datetime.date, BeforeValidator(_calendar_date)]
Slug = Annotated[str, AfterValidator(_check_slug), Field(description="小写英文标识，如 liuchixiang")]
Md = Annotated[str, Field(description="Markdown 文本", json_schema_extra={"format": "markdown"})]
Text = Annotated[str, Field(min_length=1)]
TextList = Annotated[list[Text], BeforeValidator(_text_list, json_schema_input_type=list[str] | str)]
SlugList = Annotated[list[Slug], BeforeValidator(_text_list, json_schema_input_type=list[str] | str)]


class Figure(Entity):
    """A number worth remembering, e.g. 调解劳动纠纷 17起."""

    label: Text
    value: Text
    source: Slug | None = Field(None, description="来源文献的 id")
