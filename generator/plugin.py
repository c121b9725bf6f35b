"""The MkDocs adapter: adds the rendered pages and assets in memory, watches the YAML."""

from __future__ import annotations

from importlib import resources
from pathlib import Path as FsPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .config import LunxunConfig
from .pipeline import render_project
from .problems import ContentError
from .project import Layout
from .render import RenderedSite

ASSETS = ("quiz.js", "progress.js", "quiz.css", "lunxun.css", "programme.css")
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables")
GUIDE_TITLES = {"guide": "培训者指南"}


class LunxunPlugin(BasePlugin[LunxunConfig]):
    def __init__(self) -> None:
        self.rendered: RenderedSite | None = None
        self.root = FsPath.cwd()

    def layout(self) -> Layout:
        return Layout(content_dir=self.config.content_dir, quizzes_dir=self.config.quizzes_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.root = FsPath(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            self.rendered = render_project(self.root, self.layout())
        except ContentError as error:
            raise PluginError("内容有误，未生成网站：\n" + error.report()) from None
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # extra_css/js are plain lists of URLs; ours go first so a site's own CSS can override
        config.extra_css[:0] = [f"assets/lunxun/{name}" for name in ASSETS if name.endswith(".css")]
        config.extra_javascript[:0] = [f"assets/lunxun/{name}" for name in ASSETS if name.endswith(".js")]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.rendered is None:
            return files
        handwritten = [f.src_uri for f in files.documentation_pages()]
        for path, markdown in self.rendered.pages.items():
            if files.get_file_from_path(path) is None:  # a hand-written page wins
                files.append(File.generated(config, path, content=markdown))
        for path, data in self.rendered.files.items():
            files.append(File.generated(config, path, content=data))
        package = resources.files("generator") / "assets"
        for name in ASSETS:
            files.append(File.generated(config, f"assets/lunxun/{name}", content=(package / name).read_bytes()))
        if self.config.nav and config.nav is None:
            config.nav = self.rendered.nav + _handwritten_nav(handwritten, self.rendered)
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        layout = self.layout()
        for folder in (layout.content_dir, layout.quizzes_dir):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


def _handwritten_nav(pages: list[str], rendered: RenderedSite) -> list[Any]:
    """Hand-written pages not already in the generated navigation, grouped by folder."""
    groups: dict[str, list[str]] = {}
    top: list[Any] = []
    for page in sorted(pages):
        if page in rendered.pages:
            continue
        folder, _, _ = page.rpartition("/")
        if folder:
            groups.setdefault(folder.split("/")[0], []).append(page)
        else:
            top.append(page)
    for folder, items in groups.items():
        index = f"{folder}/index.md"
        ordered = ([index] if index in items else []) + [p for p in items if p != index]
        top.append({GUIDE_TITLES.get(folder, folder): ordered})
    return top
