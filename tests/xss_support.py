"""A trainer's project with a hostile payload in every text field of every kind of file (no tests here).

The text fields are read from the models, so a field added to a model without being added
to :func:`hostile_project` makes ``test_every_text_field_is_filled`` fail. Each text is
``payload + marker + payload``: the marker (甲001乙, unique per field) finds the text again on
the built pages, and the payload stands both at the start of the text (where front matter
and Markdown block syntax start) and after other text.
"""

from __future__ import annotations

import shutil
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import AfterValidator, BaseModel

from generator.model import Method, Programme, QuizBank, Source
from generator.model.common import _check_slug

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "js-link": "[x](javascript:alert(1))",
    "iframe": "<iframe src=//evil.example>",
    "end-script": "</script><script>alert(1)</script>",
    "remote-image": "![x](http://evil.example/a.png)",
    "svg-onload": "<svg onload=alert(1)>",
    "jinja": "{{ 7*7 }}",
    "jinja-raw": "{% raw %}",
    "attr-list": "{onclick=alert(1)}",
    "attr-list-on-element": "*x*{onclick=alert(1)} [y](#a){onclick=alert(1)}",
    "blank-lines": "\n\n[x](javascript:alert(1))\n\n",
}
# What a Markdown field may show instead of the literal text: the link's text, nothing for an
# image, the text without the asterisks that made it italic.
RENDERED = {
    "js-link": ["x"], "remote-image": [""], "jinja": ["{{ 77 }}"], "blank-lines": ["x"],
    "attr-list-on-element": ["x{onclick=alert(1)} y{onclick=alert(1)}"],
}

# Text fields that are not free text: a format or a reference the checks hold to a fixed shape.
NOT_FREE_TEXT = {
    "programme.Session.time": "HH:MM-HH:MM, checked",
    "quiz.Quota.ref": "a method or step id, checked",
    "quiz.Quota.tag": "a filter matched against question tags, never shown",
    "quiz.Single.answer": "an option letter, checked",
    "quiz.Multiple.answer": "option letters, checked",
}
for _kind in ("Single", "Multiple", "Judge", "Blank", "Order", "Match", "Case"):
    NOT_FREE_TEXT[f"quiz.{_kind}.ref"] = "a method or step id, checked"


def _leaves(annotation: Any, markdown: bool = False) -> Iterator[tuple[Any, bool]]:
    """The leaf types of an annotation, each with whether it is Markdown; a slug yields 'slug'."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        if any(isinstance(e, AfterValidator) and e.func is _check_slug for e in extras):
            yield "slug", False
            return
        markdown = markdown or any(getattr(e, "json_schema_extra", None) == {"format": "markdown"} for e in extras)
        yield from _leaves(base, markdown)
    elif typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _leaves(arg, markdown)
    else:
        yield annotation, markdown


def _key(model: type) -> str:
    return f"{model.__module__.rsplit('.', 1)[-1]}.{model.__name__}"


def text_fields(roots: tuple[type[BaseModel], ...] = (Source, Method, QuizBank, Programme)) -> dict[str, bool]:
    """Every free-text field reachable from the file models (``module.Model.field``) → is Markdown."""
    found: dict[str, bool] = {}
    seen: set[type] = set()
    todo = list(roots)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        hints = typing.get_type_hints(model, include_extras=True)
        for name in model.model_fields:
            key = f"{_key(model)}.{name}"
            for leaf, markdown in _leaves(hints[name]):
                if leaf is str and key not in NOT_FREE_TEXT:
                    found[key] = markdown
                elif isinstance(leaf, type) and issubclass(leaf, BaseModel):
                    todo.append(leaf)
    return found


# Line breaks in these crash the .ics writer (X-WR-CALNAME is written unescaped), so they get
# the payload on one line; test_xss_everywhere.py holds the failing case on its own.
ONE_LINE = {"programme.Programme.title", "programme.Cohort.name", "programme.Track.name"}


class Texts:
    """Hands out hostile texts, one marker each, and remembers which field each went to."""

    def __init__(self, payload: str) -> None:
        self.payload = payload
        self.fields: dict[str, str] = {}  # marker → module.Model.field

    def __call__(self, field: str) -> str:
        marker = f"甲{len(self.fields) + 1:03d}乙"
        self.fields[marker] = field
        payload = " ".join(self.payload.split()) if field in ONE_LINE else self.payload
        return f"{payload}{marker}{payload}"

    def list(self, field: str, count: int = 2) -> list[str]:
        return [self(field) for _ in range(count)]


def _questions(t: Texts) -> list[dict[str, Any]]:
    def common(kind: str, qid: str, stem: bool = True) -> dict[str, Any]:
        key = f"quiz.{kind.capitalize()}"
        data: dict[str, Any] = {"id": qid, "type": kind, "explain": t(f"{key}.explain"), "tags": t.list(f"{key}.tags",
                                                                                                        1)}
        if stem:
            data["stem"] = t(f"{key}.stem")
        return data

    single = common("single", "dan") | {"options": t.list("quiz.Single.options", 3), "answer": "A", "ref": "fa#yi"}
    multiple = common("multiple", "duo") | {"options": t.list("quiz.Multiple.options", 3), "answer": "AB"}
    judge = common("judge", "pan") | {"answer": True}
    blank = common("blank", "tian")
    blank["stem"] += " ____ "
    blank["answer"] = [[t("quiz.Blank.answer"), t("quiz.Blank.answer")]]
    order = common("order", "pai") | {"items": t.list("quiz.Order.items", 3)}
    match = common("match", "pei") | {"pairs": [t.list("quiz.Match.pairs"), t.list("quiz.Match.pairs")]}
    case = common("case", "an") | {"scenario": t("quiz.Case.scenario")}
    sub_single = common("single", "an-a") | {"options": t.list("quiz.Single.options"), "answer": "B"}
    case["questions"] = [sub_single, common("judge", "an-b") | {"answer": False}]
    return [single, multiple, judge, blank, order, match, case]


def _method(t: Texts, ordered: bool) -> dict[str, Any]:
    def step(sid: str) -> dict[str, Any]:
        return {
            "id": sid, "name": t("method.Step.name"), "role": t("method.Step.role"), "gist": t("method.Step.gist"),
            "actions": t.list("method.Step.actions"), "pitfalls": t.list("method.Step.pitfalls"),
        }

    def figure() -> dict[str, Any]:
        return {"label": t("common.Figure.label"), "value": t("common.Figure.value"), "source": "wenxian"}

    return {
        "title": t("method.Method.title"),
        "aliases": t.list("method.Method.aliases"),
        "category": t("method.Method.category"),
        "tags": t.list("method.Method.tags"),
        "summary": t("method.Method.summary"),
        "origin": t("method.Method.origin"),
        "principles": t.list("method.Method.principles"),
        "ordered": ordered,
        "steps": [step("yi"), step("er")],
        "supports": [{
            "name": t("method.Support.name"),
            "gist": t("method.Support.gist"),
            "items": [{"name": t("method.SupportItem.name"), "gist": t("method.SupportItem.gist")}],
        }],
        "cases": [{
            "title": t("method.Case.title"), "place": t("method.Case.place"), "problem": t("method.Case.problem"),
            "approach": t("method.Case.approach"), "outcome": t("method.Case.outcome"),
            "figures": [figure()], "source": "wenxian",
        }],
        "figures": [figure()],
        "related": ["fb" if ordered else "fa"],
        "sources": ["wenxian"],
    }


def _bank(t: Texts, mode: str) -> dict[str, Any]:
    return {
        "title": t("quiz.QuizBank.title"),
        "description": t("quiz.QuizBank.description"),
        "methods": ["fa"],
        "mode": mode,
        # the exam's review shows every field in the browser only when the browser grades
        **({"grading": "browser"} if mode == "exam" else {}),
        "shuffle_questions": False,
        "shuffle_options": False,
        "questions": _questions(t),
    }


def _programme(t: Texts) -> dict[str, Any]:
    def session(time: str, kind: str, **more: Any) -> dict[str, Any]:
        return {
            "time": time, "kind": kind, "title": t("programme.Session.title"),
            "speaker": t("programme.Session.speaker"), "place": t("programme.Session.place"),
            "notes": t("programme.Session.notes"), **more,
        }

    track_audience = t("programme.Track.audience")  # a track serves some of the programme's audience
    return {
        "title": t("programme.Programme.title"),
        "audience": [*t.list("programme.Programme.audience"), track_audience],
        "organizer": t("programme.Programme.organizer"),
        "summary": t("programme.Programme.summary"),
        "goals": t.list("programme.Programme.goals"),
        "hours": 4,
        "completion": {"attendance": 50, "quizzes": ["kao"]},
        "days": [
            {"title": t("programme.Day.title"), "sessions": [
                session("08:30-10:30", "专题辅导", methods=["fa", "fb"]),
            ]},
            {"sessions": [session("09:00-11:00", "测验", quizzes=["lian", "kao"])]},
        ],
        "tracks": [{"id": "ban", "name": t("programme.Track.name"), "audience": [track_audience],
                    "organizer": t("programme.Track.organizer"), "summary": t("programme.Track.summary")}],
        "cohorts": [{"id": "2026-01", "name": t("programme.Cohort.name"), "start": "2026-09-07",
                     "place": t("programme.Cohort.place"), "capacity": 3, "track": "ban"}],
    }


def hostile_project(folder: Path, payload: str, sample: Path) -> Texts:
    """Write a project into ``folder`` with ``payload`` in every text field; returns the markers."""
    t = Texts(payload)
    shutil.copy(sample / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "docs").mkdir()
    source = {"id": "wenxian", "title": t("source.Source.title"), "kind": "讲话", "date": "2026-03-01",
              "publisher": t("source.Source.publisher"), "author": t("source.Source.author"),
              "file": t("source.Source.file")}
    files: dict[str, Any] = {
        "content/sources.yaml": [source],
        "content/methods/fa.yaml": _method(t, ordered=True),
        "content/methods/fb.yaml": _method(t, ordered=False),
        "quizzes/lian.yaml": _bank(t, "practice"),
        "quizzes/kao.yaml": _bank(t, "exam"),
        "content/curricula/pei.yaml": _programme(t),
    }
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return t

