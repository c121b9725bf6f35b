"""Build with Zensical, Material for MkDocs' successor, from a staging folder.

Zensical runs no third-party MkDocs plugins, so nothing of lunxun's plugin runs there. This
adapter does what the plugin does, ahead of time: it renders the pages, writes them with
the generated files, lunxun's assets and the project's hand-written docs/ into a staging
folder, writes a configuration for it, runs `zensical build` there and moves the site to
its place. The old site stays as it was if anything fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path as FsPath
from typing import Any

import yaml

from ...loading.site_config import layout_of, organizer_of, read_site_config
from ...output import building, guard, resolve_target, swap_in
from ...pipeline import render_project
from ...problems import BuildError, ContentError
from ...render import RenderedSite
from ...render.assets import ON_DEMAND
from ...render.assets import SITE_ASSETS as ASSETS
from .. import theme
from ..navigation import REQUIRED_EXTENSIONS, handwritten_nav
from ..state import save_state

# The version this adapter is tested with (pyproject.toml pins it).
ZENSICAL_VERSION = "0.0.73"
# Settings of the project's mkdocs.yml that carry over; plugins, nav and paths do not.
CARRIED = ("site_name", "site_description", "site_author", "site_url", "copyright", "extra")


def build_with_zensical(
    config_file: FsPath, site_dir: str | None = None, offline: bool = False, force: bool = False
) -> FsPath:
    """Render the project, stage it and build it with Zensical; returns the site folder."""
    if offline:
        # Zensical's offline plugin loads its worker shim from unpkg.com, which the copy
        # on a USB stick cannot reach; lunxun's local shim serves lunxun's engine only.
        raise BuildError("离线版目前只能用 mkdocs 引擎生成：请去掉 --engine zensical")
    config_file = config_file.resolve()
    if not config_file.is_file():
        raise BuildError(
            f"{config_file}: 找不到 MkDocs 配置文件（请在项目目录中运行，或用 -f 指定）"
        )
    project = _read_config(config_file)
    root = config_file.parent
    try:
        rendered = render_project(root, layout_of(project), organizer_of(project))
    except ContentError as error:
        raise BuildError("内容有误，未生成网站：\n" + error.report()) from None
    target = resolve_target(FsPath(site_dir) if site_dir else root / str(project.get("site_dir") or "site"))
    layout = layout_of(project)
    sources = [root / str(project.get("docs_dir") or "docs"), root / layout.content_dir, root / layout.quizzes_dir]
    guard(target, root, sources, force)
    try:
        with building(target, "zensical") as staging:
            stage(root, project, rendered, staging)
            _run_zensical(staging / "mkdocs.yml")
            swap_in(staging / "site", target)
    except OSError as error:
        raise BuildError(f"{error.filename or target}: 文件操作失败（{error.strerror or error}），网站未生成，"
                         "原有网站保持不变") from None
    save_state(root, rendered.state)
    return target


def stage(root: FsPath, project: dict[str, Any], rendered: RenderedSite, staging: FsPath) -> None:
    """Write the pages, files, assets and configuration of a Zensical build into ``staging``."""
    docs = staging / "docs"
    handwritten = root / str(project.get("docs_dir") or "docs")
    if handwritten.is_dir():
        shutil.copytree(handwritten, docs)
    docs.mkdir(parents=True, exist_ok=True)
    handwritten_pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for path, markdown in rendered.pages.items():
        page = docs / path
        if not page.exists():  # a hand-written page wins, as in the plugin
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(markdown, encoding="utf-8")
    for path, data in rendered.files.items():
        _write(docs / path, data)
    for name in ASSETS + ON_DEMAND + (theme.POLYFILLS,):
        _write(docs / theme.ASSET_DIR / name, theme.asset_bytes(name))
    config = zensical_config(project, rendered, handwritten_pages, docs)
    (staging / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def zensical_config(
    project: dict[str, Any], rendered: RenderedSite, handwritten: list[str], docs: FsPath
) -> dict[str, Any]:
    """The staging folder's configuration: the project's settings, lunxun's pages and assets."""
    config: dict[str, Any] = {key: project[key] for key in CARRIED if key in project}
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["use_directory_urls"] = bool(project.get("use_directory_urls", True))
    theme_options = dict(project.get("theme") or {"name": "material"})
    theme_options.pop("custom_dir", None)
    theme_options.setdefault("font", False)  # web fonts would come from the internet
    config["theme"] = theme_options
    extensions = list(project.get("markdown_extensions") or [])
    names = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    extensions += [name for name in REQUIRED_EXTENSIONS if name not in names]
    config["markdown_extensions"] = extensions
    extra = dict(config.get("extra") or {})
    extra["polyfills"] = list(extra.get("polyfills") or []) + [
        f"{theme.ASSET_DIR}/{theme.POLYFILLS}"
    ]
    config["extra"] = extra
    config["extra_css"] = [f"{theme.ASSET_DIR}/{n}" for n in ASSETS if n.endswith(".css")] + list(
        project.get("extra_css") or []
    )
    config["extra_javascript"] = [
        f"{theme.ASSET_DIR}/{n}" for n in ASSETS if n.endswith(".js")
    ] + list(project.get("extra_javascript") or [])
    config["nav"] = project.get("nav") or rendered.nav + handwritten_nav(handwritten, rendered, docs)
    config["plugins"] = ["search"]
    return config


def _run_zensical(config_file: FsPath) -> None:
    try:
        import zensical  # noqa: F401
    except ImportError:
        raise BuildError(
            f"未安装 Zensical：请运行 pip install zensical=={ZENSICAL_VERSION}"
        ) from None
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)],
        check=False,
        cwd=config_file.parent,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not (config_file.parent / "site" / "index.html").is_file():
        output = (done.stderr or done.stdout).strip()
        raise BuildError(f"Zensical 生成失败：\n{output}")


def _write(path: FsPath, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _read_config(config_file: FsPath) -> dict[str, Any]:
    try:
        return read_site_config(config_file)
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{config_file}: 配置有误：{error}") from None
