"""A cohort's roster (rosters/<programme>/<cohort>.yaml): the trainees, with personal data.

The file lives in the git-ignored roster folder and is never read by the site build.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Entity, Slug, Text

Gender = Literal["男", "女"]


class Trainee(Entity):
    id: Text = Field(description="学员编号：在本期内唯一；准考证、考勤表和成绩都按它对应")
    name: Text = Field(description="姓名")
    unit: str | None = Field(None, description="工作单位，如 某某镇某某村")
    post: str | None = Field(None, description="职务，如 村党组织书记")
    category: str | None = Field(None, description="类别：应是培训项目 audience 中的一项")
    gender: Gender | None = Field(None, description="性别：男 或 女")
    phone: str | None = Field(None, description="联系电话")
    notes: str | None = Field(None, description="备注")


class Roster(Entity):
    programme: Slug = Field(description="培训项目 id（content/curricula/<id>.yaml）")
    cohort: Slug = Field(description="期次 id（培训项目 cohorts 中的 id）")
    imported_from: str | None = Field(None, description="导入时所用表格的文件名")
    trainees: list[Trainee] = Field(min_length=1, description="学员，按名册顺序")
