"""load → check → site model → render, as one call for every front end (plugin, CLI, tests)."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from .check import check_project
from .collector import collector_paused
from .grading.secret import SecretUnreadable, load_secret, secret_path
from .loading.project import Layout, Project, load_project
from .problems import ContentError, Problem

if TYPE_CHECKING:
    from .render import RenderedSite
    from .render.links import SiteModel


def load_checked(root: FsPath, layout: Layout | None = None) -> Project:
    """The project with every check passed, or ContentError listing all problems."""
    with collector_paused():
        project, problems = load_project(root, layout)
        problems += check_project(project)
    if problems:
        raise ContentError(problems)
    return project


def site_model(root: FsPath, layout: Layout | None = None) -> SiteModel:
    from .render.links import build_site_model  # rendering's imports are not needed to check

    return build_site_model(load_checked(root, layout))


def render_project(root: FsPath, layout: Layout | None = None, organizer: str | None = None) -> RenderedSite:
    """``organizer``: the site's organising body (the plugin option), named on certificates."""
    from .render import render_site

    with collector_paused():
        site = site_model(root, layout)
        return render_site(site, organizer, _secret_for(root, site))


def _secret_for(root: FsPath, site: SiteModel) -> bytes | None:
    """The project secret when some bank is trainer-graded (its key is sealed with it), made by
    the first such build; None otherwise, so other projects never get one."""
    if not any(bank.trainer_graded for bank in site.quizzes.values()):
        return None
    try:
        return load_secret(root, create=True)
    except SecretUnreadable as error:
        raise ContentError([Problem(str(secret_path(root)), 1, 1, "", str(error).split(": ", 1)[-1])]) from None
    except OSError as error:
        raise ContentError([Problem(str(secret_path(root)), 1, 1, "",
                                    f"无法创建项目密钥（{error.strerror or error}）："
                                    "考试题库的答案要用它加密")]) from None


def summary(project: Project) -> str:
    """The one line `lunxun check` prints when all is well."""
    questions = sum(len(e.model.gradable()) for e in project.quizzes.values())
    return (
        f"检查通过：{len(project.methods)} 个方法，{len(project.quizzes)} 个题库共 {questions} 道题，"
        f"{len(project.programmes)} 个培训项目，{len(project.sources)} 篇来源文献。"
    )
