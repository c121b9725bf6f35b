"""A working method (content/methods/<id>.yaml)."""

from __future__ import annotations

from pydantic import Field

from .common import Entity, Figure, Md, Slug, SlugList, Text, TextList


class Step(Entity):
    id: Slug = Field(description="方法内唯一，用作链接锚点，如 liuchixiang#ting")
    name: Text
    role: str | None = Field(None, description="简短标签，如 基础")
    gist: Md
    actions: list[Md] = Field(default_factory=list, description="干部具体怎么做")
    pitfalls: list[Md] = Field(default_factory=list, description="容易出的偏差")


class SupportItem(Entity):
    name: Text
    gist: Md | None = None


class Support(Entity):
    """Secondary structure such as 两大工程 / 三大机制."""

    name: Text
    gist: Md | None = None
    items: list[SupportItem] = Field(min_length=1)


class Case(Entity):
    title: Text
    place: str | None = None
    problem: Md
    approach: Md
    outcome: Md
    figures: list[Figure] = Field(default_factory=list)
    source: Slug | None = None


class Method(Entity):
    id: Slug | None = Field(None, description="等于文件名；可省略")
    title: Text
    aliases: TextList = Field(default_factory=list, description="人们搜索时用的其他名称")
    category: Text = Field(description="分类，方法索引按它分组")
    tags: TextList = Field(default_factory=list)
    summary: Md
    origin: Md | None = None
    principles: TextList = Field(default_factory=list)
    ordered: bool = Field(True, description="true：步骤有先后顺序；false：几个并列的部分")
    steps: list[Step] = Field(min_length=1)
    supports: list[Support] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    related: SlugList = Field(default_factory=list, description="相关方法的 id")
    sources: SlugList = Field(min_length=1, description="来源文献的 id")

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)
