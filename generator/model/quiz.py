"""A question bank (quizzes/<id>.yaml): seven question types and the optional blueprint."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .common import Entity, Md, Slug, SlugList, Text, TextList

# A blank in a stem is four or more underscores (FORMAT.md).
BLANK = re.compile(r"_{4,}")
LETTERS = "ABCDEFGH"
TRUE_WORDS = {"对", "正确", "是", "√", "✓", "T"}
FALSE_WORDS = {"错", "错误", "否", "×", "✗", "F"}


def _letters(value: Any) -> list[str]:
    """Read ``ACD``, ``A、C、D``, ``[A, C, D]`` or full-width letters as a sorted letter list."""
    if isinstance(value, list):
        value = "".join(str(item) for item in value)
    if not isinstance(value, str):
        raise PydanticCustomError("letters", "答案应为选项字母，如 A 或 ACD")
    text = unicodedata.normalize("NFKC", value).upper()
    text = re.sub(r"[\s,，、;；]", "", text)
    if not text or not all(ch in LETTERS for ch in text):
        raise PydanticCustomError("letters", "答案“{value}”应为选项字母 A–H", {"value": value})
    return sorted(set(text))


def _one_letter(value: Any) -> str:
    letters = _letters(value)
    if len(letters) != 1:
        raise PydanticCustomError("letters", "单选题的答案只能是一个字母")
    return letters[0]


def _judge(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = unicodedata.normalize("NFKC", str(value)).strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise PydanticCustomError("judge", "判断题的答案应为 true/false 或 对/错")


def _blank_answers(value: Any) -> Any:
    """A blank's accepted texts: ``[[情], [理]]``; a bare text stands for one accepted text."""
    if isinstance(value, (str, int, float)):
        return [[value]]
    if isinstance(value, list):
        return [item if isinstance(item, list) else [item] for item in value]
    return value


# json_schema_input_type: editors should accept what trainers may write, not just the result
Letter = Annotated[str, BeforeValidator(_one_letter, json_schema_input_type=str)]
LetterSet = Annotated[list[str], BeforeValidator(_letters, json_schema_input_type=str | list[str])]
JudgeAnswer = Annotated[
    bool,
    BeforeValidator(_judge, json_schema_input_type=bool | Literal["对", "错", "正确", "错误"]),
]
Options = Annotated[list[Md], Field(min_length=2, max_length=8)]


class QuestionBase(Entity):
    id: Slug = Field(description="题库内唯一且稳定：成绩码按它记录")
    stem: Md
    explain: Md | None = Field(None, description="答题后显示的解析")
    ref: str | None = Field(None, description="考查的方法或步骤，如 liuchixiang#ting")
    difficulty: Literal[1, 2, 3] | None = Field(None, description="1 易，2 中，3 难")
    points: float = Field(1, gt=0)
    tags: TextList = Field(default_factory=list)


class Single(QuestionBase):
    type: Literal["single"]
    options: Options
    answer: Letter


class Multiple(QuestionBase):
    type: Literal["multiple"]
    options: Options
    answer: LetterSet


class Judge(QuestionBase):
    type: Literal["judge"]
    answer: JudgeAnswer


class Blank(QuestionBase):
    type: Literal["blank"]
    answer: Annotated[
        list[list[Text]],
        BeforeValidator(_blank_answers, json_schema_input_type=list[list[str] | str] | str),
        Field(min_length=1, description="每个空一组可接受的答案，如 [[情], [理], [法]]"),
    ]


class Order(QuestionBase):
    type: Literal["order"]
    items: list[Md] = Field(min_length=2, description="按正确顺序书写；显示时打乱")


class Match(QuestionBase):
    type: Literal["match"]
    pairs: list[Annotated[list[Md], Field(min_length=2, max_length=2)]] = Field(
        min_length=2, description="[左, 右] 的列表；右侧显示时打乱"
    )


def _type_of(value: Any) -> str | None:
    return value.get("type") if isinstance(value, dict) else getattr(value, "type", None)


SubQuestion = Annotated[
    Annotated[Single, Tag("single")] | Annotated[Multiple, Tag("multiple")] | Annotated[Judge, Tag("judge")]
    | Annotated[Blank, Tag("blank")] | Annotated[Order, Tag("order")] | Annotated[Match, Tag("match")],
    Discriminator(_type_of),
]


class Case(QuestionBase):
    type: Literal["case"]
    stem: Md | None = None  # type: ignore[assignment]  # the scenario carries the case
    scenario: Md
    questions: list[SubQuestion] = Field(min_length=1)


Question = Annotated[
    Annotated[Single, Tag("single")] | Annotated[Multiple, Tag("multiple")] | Annotated[Judge, Tag("judge")]
    | Annotated[Blank, Tag("blank")] | Annotated[Order, Tag("order")] | Annotated[Match, Tag("match")]
    | Annotated[Case, Tag("case")],
    Discriminator(_type_of),
]
QUESTION_TYPES = ("single", "multiple", "judge", "blank", "order", "match", "case")


class Quota(Entity):
    """Draw ``count`` questions that match every filter given."""

    count: int = Field(ge=1)
    ref: str | None = Field(None, description="方法或步骤，如 liuchixiang 或 liuchixiang#bian")
    difficulty: Literal[1, 2, 3] | None = None
    type: Literal["single", "multiple", "judge", "blank", "order", "match", "case"] | None = None
    tag: str | None = None


class QuizBank(Entity):
    id: Slug | None = Field(None, description="等于文件名；可省略")
    title: Text
    description: Md | None = None
    methods: SlugList = Field(default_factory=list, description="涵盖的方法 id")
    mode: Literal["practice", "exam"] = "practice"
    grading: Literal["trainer", "browser"] | None = Field(
        None, description="trainer：页面不含答案，由培训老师用 lunxun results 评分（考试模式的默认）；"
        "browser：浏览器当场评分（练习模式只能用它）"
    )
    pass_mark: float = Field(60, ge=0, le=100, description="及格分（百分制）")
    time_limit: float | None = Field(None, gt=0, description="限时（分钟）")
    draw: int | None = Field(None, ge=1, description="每次作答抽取的题数")
    blueprint: list[Quota] = Field(
        default_factory=list, description="按配额抽题；draw 省略时为各配额之和"
    )
    shuffle_questions: bool = True
    shuffle_options: bool = True
    attempts: int | None = Field(None, ge=1, description="考试模式下本浏览器允许的作答次数")
    tickets: bool = Field(False, description="开考时须输入准考证号和密码（lunxun exam tickets 发放），"
                          "成绩码用准考证签名；只用于 mode: exam，汇总时加 --roster")
    sitting: bool = Field(False, description="开考时须输入培训老师宣布的考场口令；成绩码带上它，成绩按口令分场")
    questions: list[Question] = Field(min_length=1)

    @field_validator("grading")
    @classmethod
    def _grading_fits_mode(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value == "trainer" and info.data.get("mode", "practice") == "practice":
            raise PydanticCustomError(
                "grading", "练习模式每题即时显示对错，需要答案：grading: trainer 只能用于 mode: exam")
        return value

    @field_validator("tickets", "sitting")
    @classmethod
    def _exam_only(cls, value: bool, info: ValidationInfo) -> bool:
        # asked for in 考前登记, which only exams (and timed practice) show; a practice code is never graded by a roster
        if value and info.data.get("mode", "practice") == "practice":
            what = "准考证" if info.field_name == "tickets" else "考场口令"
            raise PydanticCustomError("exam_only", f"{what}只用于考试：{info.field_name}: true 需要 mode: exam")
        return value

    @property
    def trainer_graded(self) -> bool:
        """Whether the trainer grades (no key in the site): the default for exams."""
        return (self.grading or ("trainer" if self.mode == "exam" else "browser")) == "trainer"

    def gradable(self) -> list[QuestionBase]:
        """Every scored item: plain questions and the sub-questions of cases."""
        items: list[QuestionBase] = []
        for question in self.questions:
            items.extend(question.questions if isinstance(question, Case) else [question])
        return items
