"""lunxun: the trainers' command line (messages in Chinese)."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path as FsPath

from .loading.site_config import layout_from
from .problems import CommandError


def cmd_check(args: argparse.Namespace) -> int:
    from .pipeline import load_checked, summary

    root = FsPath(args.root).resolve()
    project = load_checked(root, layout_from(root / "mkdocs.yml"))
    print(summary(project))
    if args.coverage:
        from .check.coverage import coverage_report

        print(coverage_report(project))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    config_file = FsPath(args.config_file)
    if args.engine == "zensical":
        from .engines.zensical import build_with_zensical

        site = build_with_zensical(config_file, site_dir=args.site_dir, offline=args.offline, force=args.force)
    elif args.offline:
        from .engines.mkdocs.offline import build_offline

        site, archive = build_offline(config_file, folder=args.site_dir, strict=args.strict, force=args.force)
        print(f"离线版已生成：{site}\n压缩包：{archive}（解压后用浏览器打开 index.html，无需联网）")
        return 0
    else:
        from .engines.mkdocs.build import build_site

        site = build_site(config_file, site_dir=args.site_dir, strict=args.strict, force=args.force)
    print(f"网站已生成：{site}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .engines.mkdocs.build import serve_site

    serve_site(FsPath(args.config_file), args.dev_addr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .commands.schema import write_schemas

    for path in write_schemas(FsPath(args.output), args.force):
        print(f"已写入 {path}")
    return 0


def cmd_results(args: argparse.Namespace) -> int:
    from .commands.results import Options, run

    root = FsPath(args.root)
    options = Options(files=args.files, output=FsPath(args.output), keep=args.keep, batch=args.batch,
                      root=root, title=args.title, roster=args.roster, sitting=args.sitting,
                      window=args.window, force=args.force)
    return run(options, layout_from(root / "mkdocs.yml"))


def cmd_exam_tickets(args: argparse.Namespace) -> int:
    from .commands.exam import tickets_command

    return tickets_command(args.roster, FsPath(args.root), args.output, args.force)


def cmd_exam_unlock(args: argparse.Namespace) -> int:
    from .commands.exam import unlock_command

    root = FsPath(args.root).resolve()
    return unlock_command(args.bank, root, layout_from(root / "mkdocs.yml"))


def cmd_export(args: argparse.Namespace) -> int:
    from .commands.interop import export_command

    return export_command(args.bank, args.format, args.output, args.root, layout_from, args.force)


def cmd_import(args: argparse.Namespace) -> int:
    from .commands.interop import import_command

    return import_command(args.file, args.output, args.root, args.title, args.force, layout_from, args.strict)


def cmd_new(args: argparse.Namespace) -> int:
    from .commands.interop import new_command

    return new_command(args.kind, args.id, args.root, layout_from)


EVALUATION_CODES = ("学员发来的测评码（LE1 开头）所在的文本文件，可多个，可整段粘贴聊天记录；各期的测评表 "
                    "rosters/<项目>/<期次>-测评.xlsx 总会读取。测评凭准考证时按名册核对，每张准考证只计最后一份")


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，应写成 年-月-日，如 2026-09-01") from None


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 2000:  # NaN fails too
        raise argparse.ArgumentTypeError(f"“{text}”不是有效的每年应完成的学时：应为 0 到 2000 之间的数，如 90")
    return value


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 1 <= value <= 5:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效的分数：应为 1 到 5 之间的数，如 4")
    return value


def cmd_rotation(args: argparse.Namespace) -> int:
    from .commands import evaluation, report, rotation

    root = FsPath(args.root).resolve()
    layout = layout_from(root / "mkdocs.yml")
    as_of = getattr(args, "date", None) or datetime.date.today()
    if args.action == "roster-import":
        return rotation.roster_import(root, layout, args.file, args.programme, args.cohort, args.force)
    if args.action == "roster-check":
        return rotation.roster_check(root, layout, args.programme)
    if args.action == "attendance-sheet":
        return rotation.attendance_sheet(root, layout, args.programme, args.cohort, args.force)
    if args.action == "attendance-read":
        return rotation.attendance_read(root, layout, args.programme, args.cohort, as_of, args.codes)
    if args.action == "evaluation-sheet":
        return evaluation.evaluation_sheet(root, layout, args.programme, args.cohort, args.force)
    if args.action == "evaluation-read":
        return evaluation.evaluation_read(root, layout, args.programme, args.threshold, as_of, args.force,
                                          args.codes)
    if args.action == "archive":
        return report.archive(root, layout, args.programme, args.cohort, args.grades, as_of, args.annual, args.force,
                              args.evaluation_codes)
    return report.report(root, layout, args.programme, args.grades, as_of, args.output, args.annual, args.force,
                         args.evaluation_codes)


def _rotation_parsers(commands: argparse._SubParsersAction) -> None:
    def common(sub: argparse.ArgumentParser, action: str, cohort: bool) -> None:
        sub.add_argument("programme", metavar="项目", help="培训项目 id（content/curricula/<id>.yaml）")
        if cohort:
            sub.add_argument("cohort", metavar="期次", help="期次 id（培训项目 cohorts 中的 id，如 2026-01）")
        sub.add_argument("--root", default=".", help="项目目录（默认当前目录）")
        sub.set_defaults(run=cmd_rotation, action=action)

    roster = commands.add_parser("roster", help="学员名册：从组织部的名单表格导入、检查")
    steps = roster.add_subparsers(dest="step", required=True, metavar="操作")
    imp = steps.add_parser("import", help="从 .xlsx/.xls/.csv 名单导入一期的学员名册（写到 rosters/，"
                                          "不进入网站和 git）")
    imp.add_argument("file", metavar="文件", help="组织部下发的学员名单表格")
    common(imp, "roster-import", True)
    imp.add_argument("--force", action="store_true", help="该期名册已存在时覆盖它")
    check = steps.add_parser("check", help="检查一个培训项目各期的名册：重复、缺姓名、跨期重复、类别不符")
    common(check, "roster-check", False)

    attendance = commands.add_parser("attendance", help="考勤（签到、点名）：生成考勤表，读回并统计出勤")
    steps = attendance.add_subparsers(dest="step", required=True, metavar="操作")
    sheet = steps.add_parser("sheet", help="按名册和日程生成一期的考勤表（Excel，每位学员一行、每个课次一列）"
                                           "和印有姓名的签到表（A4）")
    common(sheet, "attendance-sheet", True)
    sheet.add_argument("--force", action="store_true", help="考勤表或签到表已存在时重新生成（已填写的内容会丢失）")
    read = steps.add_parser("read", help="读回班主任填好的考勤表：列出填错的单元格，统计出勤率和请假")
    common(read, "attendance-read", True)
    read.add_argument("--date", type=_date, default=None, help="统计截至哪一天（默认今天），如 2026-09-03")
    read.add_argument("--codes", nargs="+", default=None, metavar="文件",
                      help="粘贴了班主任点名码（LA1 开头）的文本文件，可多个；"
                           "rosters/<项目>/<期次>-点名码.txt 总会读取")

    report = commands.add_parser("report", help="建帐销号台账和《集中轮训情况报表》（Excel 和可打印的 A4 网页）")
    common(report, "report", False)
    report.add_argument("--grades", default=None, metavar="成绩表",
                        help="lunxun results 生成的成绩表（results/grades.xlsx 或 grades.csv）")
    report.add_argument("--date", type=_date, default=None, help="报表截至日期（默认今天），如 2026-12-31")
    report.add_argument("--annual", type=_hours, default=90, help="每人每年应完成的学时（默认 90）")
    report.add_argument("-o", "--output", default=None, help="输出目录（默认 rosters/<项目>/报表/）")
    report.add_argument("--force", action="store_true", help="同一截至日期的报表已存在时覆盖")
    report.add_argument("--evaluation-codes", nargs="+", default=None, metavar="文件", help=EVALUATION_CODES)

    evaluation = commands.add_parser("evaluation", help="培训质量测评：生成测评表，汇总各课次、各主讲人的得分")
    steps = evaluation.add_subparsers(dest="step", required=True, metavar="操作")
    sheet = steps.add_parser("sheet", help="生成一期的测评表（Excel，每份测评表一行，不写姓名）")
    common(sheet, "evaluation-sheet", True)
    sheet.add_argument("--force", action="store_true", help="测评表已存在时重新生成（已录入的内容会丢失）")
    read = steps.add_parser("read", help="汇总一个培训项目各期的测评表：均分、分布、回收率、意见建议，"
                                         "标出低分课次和主讲人")
    common(read, "evaluation-read", False)
    read.add_argument("--threshold", type=_score, default=None,
                      help="低于这个均分（1–5）的课次和主讲人要提示调整（默认取培训项目的 evaluation.threshold，"
                           "未写为 4）")
    read.add_argument("--codes", nargs="+", default=None, metavar="文件",
                      help="粘贴了学员测评码（LE1 开头）的文本文件，可多个；- 表示从标准输入读取")
    # kept so that commands written before still run: the rosters are now always found
    read.add_argument("--roster", action="store_true",
                      help="可省略：测评凭准考证时，总会按各期名册（rosters/<项目>/<期次>.yaml）的准考证核对测评码，"
                           "每张准考证只计最后一份（不显示是谁）")
    read.add_argument("--date", type=_date, default=None, help="汇总日期（默认今天），用于文件名")
    read.add_argument("--force", action="store_true", help="同一天的汇总已存在时覆盖")

    archive = commands.add_parser("archive", help="一期结束后生成培训档案（名册、授课内容、考勤、成绩、照片、体会文章、"
                                                  "情况总结；文件夹和 .zip）")
    common(archive, "archive", True)
    archive.add_argument("--grades", default=None, metavar="成绩表", help="lunxun results 生成的成绩表")
    archive.add_argument("--date", type=_date, default=None, help="档案截至日期（默认今天）")
    archive.add_argument("--annual", type=_hours, default=90, help="每人每年应完成的学时（默认 90）")
    archive.add_argument("--force", action="store_true", help="该期档案已存在时重新生成")
    archive.add_argument("--evaluation-codes", nargs="+", default=None, metavar="文件", help=EVALUATION_CODES)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="lunxun", description="轮训：基层干部集中轮训学习网站生成工具")
    commands = main.add_subparsers(dest="command", required=True, metavar="命令")

    check = commands.add_parser("check", help="检查全部 YAML 内容，列出所有问题")
    check.add_argument("--root", default=".", help="项目目录（默认当前目录）")
    check.add_argument("--coverage", action="store_true", help="列出每个方法步骤被多少道题考查")
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help="检查并生成网站（失败时保留原有网站不变）")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs 配置文件")
    build.add_argument("-d", "--site-dir", default=None, help="输出目录（默认 site/）")
    build.add_argument("--strict", action="store_true", help="有任何警告即视为失败")
    build.add_argument("--force", action="store_true",
                       help="输出目录已存在、又不是 lunxun 生成的网站时，仍然整体替换它（其中原有的文件会被删除）")
    build.add_argument("--offline", action="store_true",
                       help="生成离线版：文件夹和 .zip，可从 U 盘直接用浏览器打开（默认输出 site-offline/）")
    build.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs",
                       help="生成引擎：mkdocs（默认，Material for MkDocs）或 zensical（其后继者）")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="本地预览网站，修改 YAML 后自动刷新")
    serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs 配置文件")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="地址和端口")
    serve.set_defaults(run=cmd_serve)

    schema = commands.add_parser("schema", help="生成供编辑器使用的 JSON Schema")
    schema.add_argument("-o", "--output", default="schemas", help="输出目录")
    schema.add_argument("--force", action="store_true", help="输出目录中同名的文件不是 lunxun 生成的 Schema 时，"
                                                             "仍然覆盖")
    schema.set_defaults(run=cmd_schema)

    results = commands.add_parser("results", help="汇总学员发来的成绩码，生成成绩表和分析报告")
    results.add_argument("files", nargs="+", metavar="文件", help="粘贴了成绩码的文本文件；- 表示从标准输入读取")
    results.add_argument("-o", "--output", default="results", help="输出目录（默认 results/）")
    results.add_argument("--keep", choices=["latest", "best"], default="latest",
                         help="同一学员多次作答时按哪次计分：latest 最后一次（默认），best 最高分")
    results.add_argument("--batch", choices=["unit", "file"], default="unit",
                         help="报告按什么分批统计：unit 学员单位（默认），file 每个输入文件一批")
    results.add_argument("--root", default=".", help="项目目录，用来读取题库的题干和选项（默认当前目录）")
    results.add_argument("--title", default="测验成绩报告", help="报告标题")
    results.add_argument("--roster", default=None,
                         help="发准考证时用的名册（rosters/<项目>/<期次>.yaml）：只计准考证签名相符的成绩码")
    results.add_argument("--sitting", default=None, help="只计带这个考场口令的成绩码")
    results.add_argument("--window", nargs=2, default=None, metavar=("开考", "结束"),
                         help="考场时间，如 \"2026-12-01 09:00\" \"2026-12-01 10:00\"（北京时间）："
                              "之外交卷的作答会被标记")
    results.add_argument("--force", action="store_true",
                         help="输出目录中有不是 lunxun 写的文件时，仍然整体替换该目录（其中原有的文件会被删除）")
    results.set_defaults(run=cmd_results)

    exam = commands.add_parser("exam", help="由培训老师评分的考试：准考证、解锁码")
    exam_steps = exam.add_subparsers(dest="step", required=True, metavar="操作")
    issue = exam_steps.add_parser("tickets", help="按名册为每位学员生成准考证（准考证号即学员编号）和密码："
                                                  "可打印的准考证和考试签到表")
    issue.add_argument("roster", metavar="名册", help="lunxun roster import 导入的名册，"
                                                    "如 rosters/shuji-lunxun/2026-01.yaml"
                       "（旧的 .lunxun-private/roster.yaml 名单仍可用）")
    issue.add_argument("--root", default=".", help="项目目录（默认当前目录）：项目密钥在其中的 .lunxun-private/secret")
    issue.add_argument("-o", "--output", default=None,
                       help="输出文件（默认写在名册旁：rosters/<项目>/<期次>-准考证.html；"
                            "旧名单为 .lunxun-private/tickets.html）")
    issue.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    issue.set_defaults(run=cmd_exam_tickets)
    unlock = exam_steps.add_parser("unlock", help="显示考试题库当前版本的解锁码：考后告诉学员，在页面上查看答案和解析")
    unlock.add_argument("bank", metavar="题库", help="题库 id，或 quizzes/<id>.yaml 的路径")
    unlock.add_argument("--root", default=".", help="项目目录（默认当前目录）：项目密钥在其中的 .lunxun-private/secret")
    unlock.set_defaults(run=cmd_exam_unlock)

    export = commands.add_parser("export", help="把题库导出为 GIFT、Moodle XML、QTI 2.1 或 SCORM 1.2")
    export.add_argument("bank", metavar="题库", help="题库 id，或 quizzes/<id>.yaml 的路径")
    export.add_argument("--format", required=True, choices=["gift", "moodle-xml", "qti", "scorm"], help="导出格式")
    export.add_argument("-o", "--output", default=None, help="输出文件（默认按题库 id 命名，写到当前目录）")
    export.add_argument("--root", default=None, help="项目目录（默认当前目录，或题库文件所在的项目）")
    export.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")
    export.set_defaults(run=cmd_export)

    imp = commands.add_parser("import", help="从题库表格（.xlsx/.xls/.csv）、Word 试卷（.docx）或 GIFT 文件导入题库")
    imp.add_argument("file", metavar="文件", help="题库表格（.xlsx、.xls、.csv）、Word 试卷（.docx）"
                                                "或 GIFT 文件（.gift、.txt）")
    imp.add_argument("-o", "--output", required=True, help="写入的题库文件，如 quizzes/liuchixiang-jichu.yaml")
    imp.add_argument("--title", default=None, help="题库标题（默认取 GIFT 中的分类名或文件名）")
    imp.add_argument("--root", default=None, help="项目目录（默认为输出文件所在的项目）")
    imp.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")
    imp.add_argument("--strict", action="store_true", help="遇到 lunxun 不支持的题型（简答、数值题等）即视为错误，"
                                                           "不生成文件")
    imp.set_defaults(run=cmd_import)

    new = commands.add_parser("new", help="新建方法、题库或培训项目的模板文件")
    new.add_argument("kind", choices=["method", "quiz", "programme", "curriculum"], metavar="类型",
                     help="method 方法，quiz 题库，programme 培训项目（也可写 curriculum）")
    new.add_argument("id", metavar="ID", help="新文件的 id（小写英文字母、数字和连字符）")
    new.add_argument("--root", default=".", help="项目目录（默认当前目录）")
    new.set_defaults(run=cmd_new)
    _rotation_parsers(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except CommandError as error:  # the one place a command's failure is printed
        print(error.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
