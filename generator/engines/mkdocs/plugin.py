"""The MkDocs adapter: adds the rendered pages and assets in memory, watches the YAML."""

from __future__ import annotations

import logging
import os
from pathlib import Path as FsPath
from typing import Any, cast

from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from ...loading.files import outside
from ...loading.project import Layout
from ...pipeline import render_project
from ...problems import ContentError
from ...render import RenderedSite
from ...render.assets import EXAM_SCRIPTS, ON_DEMAND, SITE_ASSETS
from .. import theme
from ..navigation import REQUIRED_EXTENSIONS, handwritten_nav
from ..page_scripts import engine_for_page, instant_navigation
from ..state import save_state
from .config import LunxunConfig
from .incremental import (
    GeneratedFile,
    PreviousBuild,
    mark_changes,
    page_titles,
    restore_titles,
    signature,
)
from .search import has_search, material_search
from .search.index import PARALLEL_FROM_PAGES, SiteSearchIndex, spare_cpu
from .search.worker import JiebaSetup

ASSETS = SITE_ASSETS


def _expected(name: str) -> str:
    """What an option takes, in words: text (organizer), true/false (the switches)."""
    option = dict(LunxunConfig._schema).get(name)
    kind = getattr(getattr(option, "option", option), "_type", None)  # c.Optional wraps a c.Type
    return {str: "文字", bool: " true 或 false"}.get(kind, "别的值") if isinstance(kind, type) else "别的值"


class LunxunPlugin(BasePlugin[LunxunConfig]):
    """MkDocs keeps one instance for every build of a process (it has on_startup), so state
    that belongs to one build is reset in on_config; ``previous`` links the builds of one
    `serve` session."""

    def __init__(self) -> None:
        self.incremental = False  # dirty builds: `lunxun serve`, `mkdocs serve --dirty`
        self.previous: PreviousBuild | None = None
        self._reset()

    def _reset(self) -> None:
        self.rendered: RenderedSite | None = None
        self.root = FsPath.cwd()
        self.generated: list[GeneratedFile] = []
        self.files: Files | None = None
        self.search_index: SiteSearchIndex | None = None
        self.signature = ""
        self.instant = False  # Material's instant navigation: every page keeps the quiz engine

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.incremental = dirty
        self.previous = None

    def on_shutdown(self) -> None:
        self.incremental = False
        self.previous = None

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple:
        """An unknown option is a mistake (MkDocs only warns), told in Chinese; so is a value of the wrong type."""
        errors, warnings = super().load_config(options, config_file_path)
        errors = [(key, ValidationError(f"lunxun 插件选项“{key}”应为{_expected(key)}，现在是 {options.get(key)!r}"))
                  if "Expected type" in str(error) else (key, error) for key, error in errors]
        known = "、".join(self.config_scheme_names())
        for key, warning in list(warnings):
            if "Unrecognised configuration name" in str(warning):
                warnings.remove((key, warning))
                errors.append((key, ValidationError(f"未知的 lunxun 插件选项“{key}”（可用：{known}）")))
        return errors, warnings

    @classmethod
    def config_scheme_names(cls) -> list[str]:
        return [name for name, _ in LunxunConfig._schema]

    def layout(self) -> Layout:
        return Layout(content_dir=self.config.content_dir, quizzes_dir=self.config.quizzes_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
        if not self.config.enabled:
            return config
        logging.getLogger("jieba").setLevel(logging.WARNING)  # its start-up chatter is not for trainers
        self.root = FsPath(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            self.rendered = render_project(self.root, self.layout(), (self.config.organizer or "").strip() or None)
        except ContentError as error:
            raise PluginError("内容有误，未生成网站：\n" + error.report()) from None
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # extra_css/js are plain lists of URLs; ours go first so a site's own CSS can override
        config.extra_css[:0] = [f"assets/lunxun/{name}" for name in ASSETS if name.endswith(".css")]
        config.extra_javascript[:0] = [f"assets/lunxun/{name}" for name in ASSETS if name.endswith(".js")]
        self.instant = instant_navigation(config)
        if theme.uses_material_offline(config):
            self.config["offline"] = True
        theme.add_polyfills(config)
        theme.inline_favicon(config)
        if self.config.offline:
            config.use_directory_urls = False  # file:// has no index.html lookup for folders
        if self.config.nav and config.nav is None:
            # the generated menu leaves out, on purpose, the pages reached from a programme's page
            config.validation.nav.omitted_files = logging.DEBUG
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.rendered is None:
            return files
        _refuse_links_out(files, FsPath(config.docs_dir), self.root)
        handwritten = list(files.documentation_pages())
        contents: dict[str, str | bytes] = {
            **{path: markdown for path, markdown in self.rendered.pages.items()
               if files.get_file_from_path(path) is None},  # a hand-written page wins
            **self.rendered.files,
            **{f"assets/lunxun/{name}": theme.asset_bytes(name) for name in ASSETS + EXAM_SCRIPTS + ON_DEMAND},
            **{f"{theme.ASSET_DIR}/{name}": theme.asset_bytes(name) for name in theme.asset_names()},
        }
        # File.generated is a classmethod that builds the subclass it is called on
        self.generated = [cast(GeneratedFile, GeneratedFile.generated(config, path, content=data))
                          for path, data in contents.items()]
        for file in self.generated:
            files.append(file)
        theme.drop_remote_polyfills(config)  # every plugin's on_config has run by now
        if self.config.nav and config.nav is None:
            config.nav = self.rendered.nav + handwritten_nav(
                [f.src_uri for f in handwritten], self.rendered, FsPath(config.docs_dir)
            )
        pages = len(files.documentation_pages())
        if self.incremental:
            self.signature = signature(config.nav, config.config_file_path, handwritten, self.generated)
            pages = mark_changes(files, self.generated, self.previous, self.signature)
        self._set_up_indexing(config, pages)
        return files

    def _set_up_indexing(self, config: MkDocsConfig, pages: int) -> None:
        """Material's search index, kept page by page: its pages are indexed in a second
        process for a large build on a machine with a spare CPU, else in this one."""
        plugin = material_search(config)
        if plugin is None:
            return
        words = self.rendered.search_words if self.rendered and self.config.search else []
        setup = JiebaSetup(words, _existing(plugin.config.jieba_dict), _existing(plugin.config.jieba_dict_user))
        kept = self.previous.search if self.incremental and self.previous else {}
        parallel = pages >= PARALLEL_FROM_PAGES and spare_cpu()
        self.search_index = SiteSearchIndex(plugin.search_index.config, setup, parallel=parallel, kept=kept)
        plugin.search_index = self.search_index

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        self.files = files
        if self.incremental and self.previous is not None:
            restore_titles(files, self.previous)
        return nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        if self.search_index is not None:  # every file is known now; pages are built in this order
            self.search_index.page_order = [f.url for f in files.documentation_pages()]
        return env

    def on_build_error(self, error: Exception) -> None:
        if self.search_index is not None:
            self.search_index.close()
        self.previous = None  # the site may be half-written: the next rebuild renders everything

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return self._finish_page(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self._finish_page(output_content)  # 404.html has a search box too

    def _finish_page(self, html: str) -> str:
        if self.rendered is None:
            return html
        html = theme.label_dialog(html)
        if not self.instant:
            html = engine_for_page(html)
        html = theme.defer_scripts(html)
        if not self.instant:
            html = theme.theme_on_first_use(html)
        return theme.use_engine(html) if self.config.search else html

    @event_priority(-50)  # after Material's search plugin has written the index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.rendered is not None:
            save_state(self.root, self.rendered.state)
        if self.rendered is not None and self.config.search and has_search(config):
            theme.finish_index(config.site_dir, self.config.offline)
        if self.incremental and self.rendered is not None:
            self.previous = PreviousBuild(
                self.signature, {f.src_uri: f.digest for f in self.generated},
                page_titles(self.files) if self.files else {},
                self.search_index.by_page if self.search_index else {},
            )

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        layout = self.layout()
        for folder in (layout.content_dir, layout.quizzes_dir):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        server.builder = _without_abort_banner(server.builder)
        return server


def _without_abort_banner(build: Any) -> Any:
    """The server prints a failed rebuild's Abort ("Aborted with a BuildError!") after the
    problems lunxun has already listed in Chinese; an Abort without words prints a blank line."""

    def rebuild(*args: Any, **kwargs: Any) -> None:
        try:
            build(*args, **kwargs)
        except Abort:
            raise Abort("") from None

    return rebuild


def _existing(path: str | None) -> str | None:
    """A jieba dictionary named in the search plugin's options, as Material itself accepts it."""
    return os.path.normpath(path) if path and os.path.isfile(os.path.normpath(path)) else None


def _refuse_links_out(files: Files, docs: FsPath, root: FsPath) -> None:
    """A symlink in docs/ to a file outside the project would publish it (a private file).
    Only files found in docs/ count: the theme's own files live elsewhere by design."""
    inside = [FsPath(file.abs_src_path) for file in files
              if file.abs_src_path and FsPath(file.abs_src_path).is_relative_to(docs)]
    leaks = [
        f"{path.relative_to(docs.parent).as_posix()}: 是指向项目之外（{target}）的符号链接，拒绝发布；"
        "请把文件复制到项目里"
        for path in inside if (target := outside(path, root)) is not None
    ]
    if leaks:
        raise PluginError("内容有误，未生成网站：\n" + "\n".join(sorted(leaks)))
