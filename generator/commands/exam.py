"""`lunxun exam tickets ROSTER`: a ticket for every trainee (准考证号 and secret), printed as slips.
`lunxun exam unlock BANK`: the unlock code (解锁码) that releases a trainer-graded bank's answers.

The slips hold secrets and names: they are written next to the roster in rosters/<programme>/
(or, for the older ticket list, into .lunxun-private/), both kept out of git and the site, and
never anywhere else unless the trainer says where with ``-o``.
"""

from __future__ import annotations

import sys
from pathlib import Path as FsPath

from ..fs import write_atomically
from ..grading.secret import FOLDER, SecretUnreadable, load_secret, secret_path
from ..grading.unlock import shown, unlock_code
from ..interop.bank import bank_id_from, load_bank
from ..loading.project import Layout, load_project
from ..problems import UsageError
from ..render.quiz import bank_json
from ..results.tickets import Roster, load_roster, tickets
from ..rotation.printing import Slip, ticket_slips
from ..rotation.roster import FOLDER as FOLDER_ROSTERS
from .rotation import write_new


def tickets_command(roster_file: str, root: FsPath, output: str | None, force: bool) -> int:
    """lunxun exam tickets ROSTER: slips to cut apart and an exam sign-in list, from the cohort's roster."""
    roster, problems = load_roster(FsPath(roster_file), roster_file)
    if roster is None:
        raise UsageError("\n".join(str(problem) for problem in problems) or f"{roster_file}: 无法读取名单")
    if roster.programme is None:
        print(f"{roster_file} 是旧格式的准考证名单：仍然可用，已发的准考证不变。新的一期请用 lunxun roster import "
              "导入名册（rosters/<项目>/<期次>.yaml），再用它发准考证，准考证号就是名册中的学员编号。", file=sys.stderr)
    try:
        secret = load_secret(root, create=True)
    except SecretUnreadable as error:
        raise UsageError(str(error)) from None
    assert secret is not None
    if output:
        target = FsPath(output)
    elif roster.programme is not None:
        target = root / FOLDER_ROSTERS / roster.programme / f"{roster.cohort_id}-准考证.html"
    else:
        target = root / FOLDER / "tickets.html"
    if target.exists() and not force:
        raise UsageError(f"{target} 已存在：要重新生成请加 --force（同一名单、同一项目密钥生成的准考证不变）")
    issued = tickets(roster, secret)
    page = ticket_slips(_title(root, roster), [Slip(t.number, t.shown, t.name, t.unit) for t in issued])
    if not output and roster.programme is not None:
        write_new(root, str(target.relative_to(root)), page, True)  # under rosters/, with its .gitignore
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, page)
    print(f"已为 {len(issued)} 名学员生成准考证：{target}（用浏览器打开后打印，A4 纵向）")
    print(f"汇总成绩时加上 --roster {roster_file}，只计用准考证签名的成绩码。")
    return 0


def _title(root: FsPath, roster: Roster) -> str:
    """The programme's title and the cohort's name when the project has them, else the roster's own."""
    project, _ = load_project(root)
    entry = project.programmes.get(roster.programme or "")
    cohort = next((c for c in entry.model.cohorts if c.id == roster.cohort_id), None) if entry else None
    return f"{entry.model.title}（{cohort.name}）" if entry and cohort else roster.title


def unlock_command(spec: str, root: FsPath, layout: Layout) -> int:
    """Print the unlock code of the bank's current version; never makes a secret (a build does)."""
    bank_id = bank_id_from(spec, root, layout)
    _, entry = load_bank(root, layout, bank_id)
    bank = entry.model
    if not bank.trainer_graded:
        raise UsageError(f"题库“{bank_id}”由浏览器即时评分（grading: browser），页面本来就显示答案，不需要解锁码")
    try:
        secret = load_secret(root, create=False)
    except SecretUnreadable as error:
        raise UsageError(str(error)) from None
    if secret is None:
        raise UsageError(f"还没有项目密钥（{secret_path(root)}）：请先运行 lunxun build 生成网站，"
                         "考试页面里的答案是用它加密的")
    version = bank_json(bank_id, bank)["version"]
    print(f"题库“{bank.title}”（{bank_id}，版本 {version}）的解锁码：{shown(unlock_code(secret, bank_id, version))}")
    print("考试结束后把解锁码告诉学员：在考试页面交卷后（或在“本机作答记录”里）输入，即可查看答案、解析和得分。")
    print("只对这一版题库有效：改动答案、分值或抽题规则后重新生成网站，解锁码随之改变。")
    return 0
