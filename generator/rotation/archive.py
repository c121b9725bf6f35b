"""培训档案: after a cohort, its materials bound together, as the sources ask a class to hand up
its roster, the lectures, photos, reflection essays and a summary.

``archive_files`` returns every file of the archive (path inside it → bytes); the command
writes them as a folder and as a .zip. The overview page prints as one document (A4).
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path as FsPath

from ..model.roster import Roster
from .ledger import Ledger, figures, hours_text
from .report import Table

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
MAX_EXTRA_BYTES = 500 * 1024 * 1024  # photos and essays together; an archive is carried on a USB stick


@dataclass(frozen=True)
class Extra:
    """A file the trainer collected (a photo, an essay), copied into the archive as it is."""

    name: str
    data: bytes


def roster_xlsx(roster: Roster) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "学员名册"
    header = ["序号", "学员编号", "姓名", "性别", "单位", "职务", "类别", "联系电话", "备注"]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, t in enumerate(roster.trainees, start=1):
        sheet.append([number])
        for column, value in enumerate((t.id, t.name, t.gender, t.unit, t.post, t.category, t.phone, t.notes), start=2):
            cell = sheet.cell(number + 1, column, value or "")
            cell.data_type = "s"  # text as typed, never a formula
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def overview_html(ledger: Ledger, roster: Roster, methods: dict[str, str], files: list[str],
                  photos: list[str], essays: list[str], tables: list[Table], evaluation: str = "") -> bytes:
    """The bound document's first part: the cohort, its figures (``evaluation``: the 培训质量测评 in
    a sentence, when there was one), its schedule and what the archive holds."""
    e = html.escape
    record = ledger.cohorts[0]
    cohort, sessions = record.cohort, record.sessions
    required = list(ledger.programme.completion.quizzes) if ledger.programme.completion else []
    f = figures(record.standings, required)

    def rate(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}%"

    credits = ledger.programme.completion.quiz_hours if ledger.programme.completion else {}
    quiz_rows = [("测验另计学时", "；".join(f"通过 {bank} 计 {hours_text(h)} 学时" for bank, h in credits.items())),
                 ("已得测验学时（人均）", hours_text(sum(s.quiz_hours for s in record.standings) / len(record.standings)
                                               if record.standings else 0))] if credits else []
    quiz_rows.append(("结业证书", f"{f.done} 人，名单见 情况报表.xlsx 的“结业证书名单”"))
    track = ledger.programme.track(cohort.track)
    last = sessions[-1].date.isoformat() if sessions else cohort.start.isoformat()
    out = [(f"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{e(cohort.name)}培训档案</title>"
           f"<style>{ARCHIVE_CSS}</style></head><body>"),
           f"<h1>{e(ledger.programme.title)}<br>{e(cohort.name)}培训档案</h1>",
           (f"<p class=\"meta\">{e(track.name + ' · ') if track else ''}{e(ledger.programme.organizer or '')} "
            f"{cohort.start.isoformat()} 至 {last}"
           f"{' · ' + e(cohort.place) if cohort.place else ''}</p>"),
           "<h2>情况总结</h2><table><tbody>"]
    for label, value in (("计划人数", f.planned), ("参训人数", f.trained), ("已销号（结业）", f.done),
                         ("未销号", f.outstanding), ("结业率", rate(f.completion_rate)),
                         ("出勤率（按学时）", rate(f.attendance_rate)), ("参考人数", f.sat),
                         ("考试通过率", rate(f.pass_rate)),
                         ("本期学时", hours_text(record.class_hours)), *quiz_rows,
                         ("考勤", "，".join(f"{m} {n} 人次" for m, n in f.marks.items())),
                         *([("培训质量测评", evaluation)] if evaluation else [])):
        out.append(f"<tr><th>{e(label)}</th><td>{e(str(value))}</td></tr>")
    out.append("</tbody></table>")
    out.append("<h2>授课内容</h2><table><thead><tr><th>日期</th><th>时间</th><th>类型</th><th>课题</th><th>学时</th>"
               "<th>阅读材料</th></tr></thead><tbody>")
    for session in sessions:
        readings = "、".join(methods.get(m, m) for m in session.methods)
        speaker = f"（{session.speaker}）" if session.speaker else ""
        out.append(f"<tr><td>{session.date.isoformat()}</td><td>{e(session.time)}</td><td>{e(session.kind)}</td>"
                   f"<td class=\"text\">{e(session.title + speaker)}</td><td>{hours_text(session.hours)}</td>"
                   f"<td class=\"text\">{e(readings)}</td></tr>")
    out.append("</tbody></table>")
    out.append(f"<h2>参训学员名册</h2><p>共 {len(roster.trainees)} 人，见 学员名册.xlsx。</p>")
    outstanding = next((t for t in tables if t.title == "未销号名单"), None)
    if outstanding and outstanding.rows:
        out.append("<h3>未销号学员</h3><table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in outstanding.header)
                   + "</tr></thead><tbody>")
        out += ["<tr>" + "".join(f"<td class=\"text\">{e(str(v))}</td>" for v in row) + "</tr>"
                for row in outstanding.rows]
        out.append("</tbody></table>")
    out.append(f"<section class=\"photos\"><h2>培训图片</h2><p>共 {len(photos)} 张。</p><div class=\"grid\">")
    out += [f"<figure><img src=\"{e(name)}\" alt=\"\"><figcaption>{e(name.rsplit('/', 1)[-1])}</figcaption></figure>"
            for name in photos]
    out.append("</div></section>")
    out.append(f"<h2>学习体会文章</h2><p>共 {len(essays)} 篇。</p><ol>")
    out += [f"<li>{e(name.rsplit('/', 1)[-1])}</li>" for name in essays]
    out.append("</ol><h2>档案目录</h2><ul>")
    out += [f"<li>{e(name)}</li>" for name in files]
    out.append("</ul></body></html>\n")
    return "".join(out).encode("utf-8")


ARCHIVE_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       font-size: 10.5pt; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; break-after: avoid; }
p.meta { text-align: center; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr, figure { break-inside: avoid; }
th, td { border: 1px solid #444; padding: 1mm 1.5mm; text-align: center; }
td.text { text-align: left; }
section.photos { break-before: page; }
.grid { display: flex; flex-wrap: wrap; gap: 4mm; }
figure { margin: 0; width: 56mm; }
figure img { width: 56mm; height: 42mm; object-fit: cover; }
figcaption { font-size: 8pt; text-align: center; }
"""


def collected(folder: FsPath, photos_only: bool) -> list[Extra]:
    """The files a trainer put in a folder (photos, or essays of any kind), by name; hidden files skipped."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.is_symlink():
            continue
        if photos_only and path.suffix.lower() not in PHOTO_SUFFIXES:
            continue
        found.append(Extra(path.name, path.read_bytes()))
    return found
