"""lunxun: the trainers' command line (messages in Chinese)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path as FsPath

from .problems import ContentError
from .project import Layout


def _layout_from(config_file: FsPath) -> Layout:
    """Read the plugin's folders from mkdocs.yml without running MkDocs."""
    import yaml

    class _Tolerant(yaml.SafeLoader):
        pass

    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    except (OSError, yaml.YAMLError):
        return Layout()
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("lunxun"), dict):
            options = plugin["lunxun"]
            return Layout(
                content_dir=str(options.get("content_dir", "content")),
                quizzes_dir=str(options.get("quizzes_dir", "quizzes")),
            )
    return Layout()


def cmd_check(args: argparse.Namespace) -> int:
    from .pipeline import load_checked, summary

    root = FsPath(args.root).resolve()
    try:
        project = load_checked(root, _layout_from(root / "mkdocs.yml"))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(summary(project))
    if args.coverage:
        from .coverage import coverage_report

        print(coverage_report(project))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildError, build_site

    try:
        site = build_site(FsPath(args.config_file), site_dir=args.site_dir, strict=args.strict)
    except BuildError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"网站已生成：{site}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .build import BuildError, serve_site

    try:
        serve_site(FsPath(args.config_file), args.dev_addr)
    except BuildError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(FsPath(args.output)):
        print(f"已写入 {path}")
    return 0


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
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="本地预览网站，修改 YAML 后自动刷新")
    serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs 配置文件")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="地址和端口")
    serve.set_defaults(run=cmd_serve)

    schema = commands.add_parser("schema", help="生成供编辑器使用的 JSON Schema")
    schema.add_argument("-o", "--output", default="schemas", help="输出目录")
    schema.set_defaults(run=cmd_schema)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
