"""A validated bank written back as a commented YAML file a trainer can keep editing."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ...model import QuizBank
from ...model.quiz import Case, Multiple, QuestionBase

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/quiz.schema.json"
QUESTION_ORDER = (
    "id", "type", "scenario", "stem", "options", "items", "pairs", "answer", "explain",
    "ref", "difficulty", "points", "tags", "questions",
)
SETTINGS_ORDER = (
    "id", "title", "description", "methods", "mode", "pass_mark", "time_limit", "draw", "blueprint",
    "shuffle_questions", "shuffle_options", "attempts",
)
SETTING_NOTES = {
    "methods": "涵盖的方法 id",
    "mode": "practice 练习：每题即时反馈；exam 考试：交卷后统一评分",
    "pass_mark": "及格分（百分制）",
    "time_limit": "限时（分钟）",
    "draw": "每次作答抽取的题数",
    "attempts": "考试模式下本浏览器允许的作答次数",
}
HEADER = """\
# 说明：题型 single 单选，multiple 多选，judge 判断，blank 填空（题干中的 ____ 是空），
#       order 排序，match 配对，case 案例。answer 中的字母按 options 的顺序（第一项为 A）。
#       ref 指向方法或步骤（如 liuchixiang#ting）；difficulty 1 易、2 中、3 难。
# 请逐题核对后再使用；修改后运行 lunxun check 检查。"""


class _Flow(list):
    """A short list written on one line: [a, b]."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "- item" indented under its key, as trainers write it


# YAML reads NEL, LS, PS and CR as line breaks and refuses raw control characters: written
# plainly or in a block they would not read back as written, so such texts are double-quoted
# (the emitter then escapes them: \N, \L, \P, \r, \x01).
_HOSTILE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if _HOSTILE.search(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _whole(value: Any) -> Any:
    """60.0 reads better as 60."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, indent=2)


def question_data(question: QuestionBase) -> dict[str, Any]:
    """A question as the trainer would write it: defaults left out, short lists on one line."""
    raw = question.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    raw["type"] = question.type  # type: ignore[attr-defined]
    if "points" in raw:
        raw["points"] = _whole(raw["points"])
    if isinstance(question, Multiple):
        raw["answer"] = "".join(question.answer)
    if raw.get("type") == "blank":
        raw["answer"] = _Flow(_Flow(texts) for texts in raw["answer"])
    if "pairs" in raw:
        raw["pairs"] = [_Flow(pair) for pair in raw["pairs"]]
    if "tags" in raw:
        raw["tags"] = _Flow(raw["tags"])
    if isinstance(question, Case):
        raw["questions"] = [question_data(sub) for sub in question.questions]
    return {key: raw[key] for key in QUESTION_ORDER if key in raw}


def bank_yaml(bank: QuizBank, bank_id: str, origin: str, notes: list[str]) -> str:
    """The file text: schema line, comments, settings, then each question under its note."""
    lines = [SCHEMA_LINE, f"# {origin}", HEADER, ""]
    dumped = bank.model_dump(mode="json", exclude={"questions", "id"}, exclude_defaults=True)
    dumped.update(id=bank_id, methods=list(bank.methods), mode=bank.mode, pass_mark=bank.pass_mark)
    settings = {key: dumped[key] for key in SETTINGS_ORDER if key in dumped}
    for key, value in settings.items():
        value = _Flow(value) if key == "methods" else _whole(value)
        text = _dump({key: value}).rstrip("\n")
        if key in SETTING_NOTES and "\n" not in text:
            text += f"  # {SETTING_NOTES[key]}"
        lines.append(text)
    lines.append("questions:")
    for question, note in zip(bank.questions, notes):
        lines.append(f"  # {note}")
        block = _dump([question_data(question)]).rstrip("\n")
        lines.extend("  " + line if line else line for line in block.split("\n"))
    return "\n".join(lines) + "\n"
