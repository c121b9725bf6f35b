"""Atomic builds and the preview server on top of MkDocs, with Chinese error messages."""

from __future__ import annotations

import errno
import logging
from pathlib import Path as FsPath

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ...loading.site_config import config_text
from ...output import building, guard, resolve_target, swap_in
from ...problems import BuildError
from ..precompress import precompress
from .console import show_mkdocs_log


def _load(config_file: FsPath, strict: bool = False) -> MkDocsConfig:
    if not config_file.exists():
        raise BuildError(f"{config_file}: 找不到 MkDocs 配置文件（请在项目目录中运行，或用 -f 指定）")
    config_text(config_file)  # not UTF-8 text: a Chinese message rather than MkDocs' English one
    try:
        return load_config(config_file=str(config_file), strict=strict)
    except (ConfigurationError, Abort) as error:
        detail = "" if isinstance(error, Abort) else f"：{error}"  # Abort follows logged details
        raise BuildError(f"{config_file}: 配置有误，网站未生成{detail}") from None
    except PluginError as error:
        raise BuildError(str(error)) from None


def build_site(
    config_file: FsPath, site_dir: str | None = None, strict: bool = False, offline: bool = False,
    force: bool = False, extra: dict[str, bytes] | None = None,
) -> FsPath:
    """Build into a staging folder and swap it in; on any failure the old site stays as it was.

    ``offline`` builds the copy that works opened from file:// (see generator.engines.mkdocs.offline);
    ``force`` replaces an existing folder that lunxun did not make (see generator.output.guard);
    ``extra`` files (name → bytes) join the site before it is swapped in.
    """
    show_mkdocs_log()
    config_file = config_file.resolve()
    config = _load(config_file, strict=strict)
    if offline:
        _switch_offline(config)
    target = resolve_target(FsPath(site_dir) if site_dir else FsPath(config.site_dir))
    guard(target, config_file.parent, _sources(config), force)
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        with building(target, "building") as staging:
            config.site_dir = str(staging)
            build(config)
            if not offline:  # file:// reads no .gz; the offline zip stays as small as it is
                precompress(staging)
            for name, data in (extra or {}).items():
                (staging / name).write_bytes(data)
            swap_in(staging, target)
    except PluginError as error:
        raise BuildError(str(error)) from None
    except Abort as error:
        raise BuildError(f"生成中止：{error}") from None
    except OSError as error:
        raise BuildError(_os_message(error)) from None
    finally:
        config.plugins.on_shutdown()
    return target


def _sources(config: MkDocsConfig) -> list[FsPath]:
    """The folders trainers write in: docs_dir and the lunxun plugin's content and quiz folders."""
    root = FsPath(config.config_file_path).parent
    folders = [FsPath(config.docs_dir)]
    plugin = config.plugins.get("lunxun")
    if plugin is not None:
        folders += [root / str(plugin.config.content_dir), root / str(plugin.config.quizzes_dir)]
    return folders


def _switch_offline(config: MkDocsConfig) -> None:
    """Ask the lunxun plugin for the copy that works from file://; its on_config applies it."""
    plugin = config.plugins.get("lunxun")
    if plugin is None:
        raise BuildError("离线版需要 lunxun 插件：请在 mkdocs.yml 的 plugins 中加入 lunxun")
    plugin.config["offline"] = True


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _os_message(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    if error.errno == errno.ENOSPC:
        return f"{where}磁盘空间不足，网站未生成，原有网站保持不变"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"{where}没有读写权限，网站未生成"
    return f"{where}文件操作失败（{error.strerror or error}），网站未生成"


def serve_site(config_file: FsPath, dev_addr: str) -> None:
    """Preview with live reload; if the first build fails, its problems are listed and no
    server starts.

    Rebuilds are MkDocs' dirty builds, in which lunxun re-renders only the pages an edit
    changed (generator.engines.mkdocs.incremental); MkDocs' warning that such builds may have stale
    navigation does not apply and is left out.
    """
    from mkdocs.commands.serve import serve

    show_mkdocs_log(logging.INFO)
    _load(config_file.resolve())  # fails early, with a message, on a bad mkdocs.yml
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)
    try:
        serve(config_file=str(config_file.resolve()), dev_addr=dev_addr, livereload=True, build_type="dirty")
    except (PluginError, ConfigurationError) as error:
        raise BuildError(str(error)) from None
    except Abort:  # the build has logged its problems already
        raise BuildError("预览未启动：改正上面列出的问题后再运行 lunxun serve") from None
