"""`lunxun exam tickets ROSTER`: a ticket for every trainee (准考证号 and secret), printed as slips.

The slips hold secrets: they are written into .lunxun-private/ (kept out of git and the site) and
never anywhere else unless the trainer says where with ``-o``.
"""

from __future__ import annotations

import html
from pathlib import Path as FsPath

from ..fs import write_atomically
from ..grading.secret import FOLDER, SecretUnreadable, load_secret
from ..problems import UsageError
from ..results.tickets import Ticket, load_roster, tickets

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{font-family:sans-serif;margin:1cm}} .slip{{border:1px dashed #555;padding:.6em 1em;margin:0 0 .8em;
break-inside:avoid}} .slip b{{font-size:1.3em;letter-spacing:.1em;font-family:monospace}}
table{{border-collapse:collapse;width:100%;break-before:page}} td,th{{border:1px solid #555;padding:.4em}}
</style></head><body>
<h1>{title}：准考证</h1>
<p>沿虚线剪开，开考前发给学员本人；考试页面要求输入准考证号和密码，成绩码用它签名。</p>
{slips}
<table><caption>签到表（{title}）</caption><tr><th>准考证号</th><th>姓名</th><th>单位</th><th>签名</th></tr>
{rows}</table>
</body></html>
"""


def _slip(ticket: Ticket, cohort: str) -> str:
    name, unit = html.escape(ticket.name), html.escape(ticket.unit)
    return (f'<div class="slip"><p>{html.escape(cohort)} · {name} · {unit}</p>'
            f"<p>准考证号 <b>{html.escape(ticket.number)}</b>　密码 <b>{ticket.shown}</b></p></div>")


def tickets_command(roster_file: str, root: FsPath, output: str | None, force: bool) -> int:
    roster, problems = load_roster(FsPath(roster_file), roster_file)
    if roster is None:
        raise UsageError("\n".join(str(problem) for problem in problems) or f"{roster_file}: 无法读取名单")
    try:
        secret = load_secret(root, create=True)
    except SecretUnreadable as error:
        raise UsageError(str(error)) from None
    assert secret is not None
    target = FsPath(output) if output else root / FOLDER / "tickets.html"
    if target.exists() and not force:
        raise UsageError(f"{target} 已存在：要重新生成请加 --force（同一名单、同一项目密钥生成的准考证不变）")
    issued = tickets(roster, secret)
    rows = "\n".join(f"<tr><td>{html.escape(t.number)}</td><td>{html.escape(t.name)}</td>"
                     f"<td>{html.escape(t.unit)}</td><td></td></tr>" for t in issued)
    page = _PAGE.format(title=html.escape(roster.cohort), slips="\n".join(_slip(t, roster.cohort) for t in issued),
                        rows=rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, page.encode("utf-8"))
    print(f"已为 {len(issued)} 名学员生成准考证：{target}（用浏览器打开后打印）")
    print(f"汇总成绩时加上 --roster {roster_file}，只计用准考证签名的成绩码。")
    return 0
