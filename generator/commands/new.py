"""lunxun new: a commented Chinese template for a method, quiz or programme that passes check at once.

Templates only refer to what exists: a quiz covers the project's first method (or none), a
programme reads the first method and first quiz; a method cites the first registered source,
and a project without a sources file gets one with a sample entry to replace.
"""

from __future__ import annotations

import datetime
from pathlib import Path as FsPath

from ..fs import write_atomically
from ..loading.load import load_file
from ..loading.project import Layout, Project, load_project
from ..model.common import SLUG
from ..problems import UsageError

# `lunxun new curriculum` was the command before the code named 培训项目 programme: old scripts keep working
OLD_KINDS = {"curriculum": "programme"}
MAX_ID = 80

METHOD = """\
# yaml-language-server: $schema=../../schemas/method.schema.json
# 新方法“{id}”的模板：把示例文字换成真实内容；以 # 开头的是说明，可以删除。
# 写好后运行 lunxun check 检查。字段说明见培训者指南。
title: 新的工作法（请改为方法名称）
aliases: []                    # 人们搜索时用的其他名称，如 [六尺巷调解法]
category: 待分类               # 分类：方法索引按它分组，如 矛盾调解
tags: []                       # 标签，如 [邻里纠纷, 传统文化]
summary: 用一段话说明这个方法是什么、在什么情况下用。
# origin: 方法的由来（可选）
principles: []                 # 原则（可选），如 [情理法融合, 以和为贵]
ordered: true                  # true：步骤有先后顺序；false：几个并列的部分
steps:                         # 至少一步；id 只用小写英文字母、数字和连字符，链接写成 {id}#di-yi-bu
  - id: di-yi-bu
    name: 第一步
    gist: 用一两句话说明这一步做什么。
    actions:                   # 干部具体怎么做（可选）
      - 具体做法一
    pitfalls: []               # 容易出的偏差（可选）
  - id: di-er-bu
    name: 第二步
    gist: 用一两句话说明这一步做什么。
related: []                    # 相关方法的 id
sources: [{source}]{source_note}
"""

QUIZ = """\
# yaml-language-server: $schema=../schemas/quiz.schema.json
# 新题库“{id}”的模板：把示例题换成真实题目；以 # 开头的是说明，可以删除。
# 写好后运行 lunxun check 检查。字段说明见培训者指南。
title: 新的测验（请改为测验名称）
methods: [{methods}]{methods_note}
mode: practice                 # practice 练习：每题即时反馈；exam 考试：交卷后统一评分
pass_mark: 60                  # 及格分（百分制）
# time_limit: 20               # 限时（分钟），可选
# draw: 10                     # 每次作答抽取的题数，可选
questions:
  - id: q1                     # 题库内唯一且稳定：成绩按它记录，改题时不要改 id
    type: single               # 单选题
    stem: 这里写题干。
    options: [正确的选项, 干扰项一, 干扰项二, 干扰项三]
    answer: A                  # 字母按 options 的顺序，第一项为 A
    explain: 这里写解析，答题后显示。{ref}
  - id: q2
    type: judge                # 判断题
    stem: 这里写一个需要判断对错的说法。
    answer: 对                 # 对 或 错
  # 其他题型：multiple 多选（answer: ACD）；blank 填空（题干中用 ____ 表示空，
  # answer: [[答案], [另一空的答案, 另一种写法]]）；order 排序（items 按正确顺序写）；
  # match 配对（pairs: [[左, 右], …]）；case 案例（scenario 加若干小题）。
"""

PROGRAMME = """\
# yaml-language-server: $schema=../../schemas/curriculum.schema.json
# 新培训项目“{id}”的模板：把示例内容换成真实安排；以 # 开头的是说明，可以删除。
# 写好后运行 lunxun check 检查（会核对时间是否重叠、学时是否相符）。
title: 新的培训项目（请改为项目名称）
audience: [村党组织书记, 社区党组织书记]
organizer: 县委组织部
summary: 用一段话说明培训目的和总体安排。
goals:
  - 培训目标一
hours: 3                       # 学时，须等于各课次学时之和
completion:                    # 结业要求
  attendance: 90               # 出勤率（%）
  quizzes: []                  # 必须通过的测验 id{quiz_hint}
  # leave_limit: 1/7           # 请假学时超过本期学时的这一比例即不能结业（默认 1/7）
  # day_hours: 6               # 按天折算学时：全天出席计 6 学时（可选）
days:
  - title: 第一天
    sessions:
      - time: "08:30-09:00"
        kind: 开班式             # 开班式 | 专题辅导 | 经验介绍 | 现场观摩 | 分组讨论 | 自学 | 测验 | 结业式
        title: 开班动员
        hours: 0.5
      - time: "09:00-11:30"
        kind: 专题辅导
        title: 专题辅导（请改为课题名称）
        speaker: 主讲人
        hours: 2.5
        methods: [{methods}]          # 阅读材料：方法 id
        quizzes: [{quizzes}]          # 课后测验：题库 id
cohorts:                       # 期次：第 N 天的日期 = start + N - 1
  - id: "{year}-01"
    name: 第一期
    start: {start}
    place: 县委党校
# 学员名册、考勤表和报表用 lunxun roster / attendance / report 生成，只放在 rosters/ 目录
# （含个人信息，不进入网站，也不提交到 git）。
"""

SAMPLE_SOURCE = """\
# yaml-language-server: $schema=../schemas/sources.schema.json
# 来源文献登记表：方法和案例按 id 引用这里的文献。下面是一条示例，请改为真实文献。
- id: shili-wenxian
  title: 示例文献（请改为真实文献标题）
  kind: 文件                   # 讲话 | 文章 | 报道 | 文件 | 汇编
"""


def new_file(root: FsPath, layout: Layout, kind: str, item_id: str) -> list[FsPath]:
    """Write the template for ``kind`` named ``item_id``; returns the files written."""
    kind = OLD_KINDS.get(kind, kind)
    if not root.is_dir():
        raise UsageError(f"项目目录 {root} 不存在")
    if len(item_id) > MAX_ID:  # the file name would exceed what file systems allow (255 bytes)
        raise UsageError(f"标识太长（{len(item_id)} 个字符）：最多 {MAX_ID} 个字符，请用简短的拼音或英文缩写")
    if not SLUG.fullmatch(item_id):
        raise UsageError(f"“{item_id}”不是合法的标识：只能用小写英文字母、数字和连字符，且以字母或数字开头")
    folder = {"method": layout.methods_dir(), "quiz": layout.quizzes_dir, "programme": layout.programmes_dir()}[kind]
    relative = f"{folder}/{item_id}.yaml"
    target = root / relative
    if target.exists():
        raise UsageError(f"{relative} 已存在，未覆盖。")
    project, _ = load_project(root, layout)
    written: list[FsPath] = []
    if kind == "method":
        text = _method(project, item_id, written)
    elif kind == "quiz":
        text = _quiz(project, item_id)
    else:
        text = _programme(project, item_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))
    return written + [FsPath(relative)]


def _method(project: Project, item_id: str, written: list[FsPath]) -> str:
    source, note = next(iter(project.sources), None), "  # 来源文献的 id（见 sources.yaml），至少一篇"
    if source is None:
        source = _sample_source(project)
        written.append(FsPath(project.layout.sources_file()))
        note = "  # 示例文献，请在 sources.yaml 中改为真实来源"
    return METHOD.format(id=item_id, source=source, source_note=note)


def _sample_source(project: Project) -> str:
    """Register a sample source so the new method can cite one; only into an empty register."""
    file = project.layout.sources_file()
    path = project.root / file
    if path.exists():
        doc, problems = load_file(path, file)
        if problems or doc is None or doc.data is not None:
            raise UsageError(f"{file} 中还没有可用的文献：方法须引用至少一篇来源文献，请先登记一篇（或修正该文件）")
        existing = path.read_text(encoding="utf-8")
        text = existing + ("" if existing.endswith("\n") or not existing else "\n") + SAMPLE_SOURCE.split("\n", 1)[1]
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = SAMPLE_SOURCE
    write_atomically(path, text.encode("utf-8"))
    return "shili-wenxian"


def _quiz(project: Project, item_id: str) -> str:
    method_id = next(iter(sorted(project.methods)), None)
    if method_id is None:
        return QUIZ.format(id=item_id, methods="", methods_note="  # 涵盖的方法 id（项目中还没有方法）", ref="")
    method = project.methods[method_id].model
    step = method.steps[0]
    ref = f"\n    ref: {method_id}#{step.id}" + " " * 6 + f"# 考查的方法步骤（{method.title} · {step.name}），可选"
    return QUIZ.format(id=item_id, methods=method_id, methods_note="  # 涵盖的方法 id", ref=ref)


def _programme(project: Project, item_id: str) -> str:
    method_id = next(iter(sorted(project.methods)), "")
    quiz_id = next(iter(sorted(project.quizzes)), "")
    start = datetime.date.today() + datetime.timedelta(days=30)
    return PROGRAMME.format(
        id=item_id, methods=method_id, quizzes=quiz_id, year=start.year, start=start.isoformat(),
        quiz_hint=f"，如 [{quiz_id}]" if quiz_id else "",
    )
