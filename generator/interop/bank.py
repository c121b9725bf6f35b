"""Find and check the bank an export names: by id, or by the path of its YAML file."""

from __future__ import annotations

from pathlib import Path as FsPath

from ..check import check_project
from ..loading.project import Entry, Layout, Project, load_project
from ..model import QuizBank
from ..model.common import SLUG
from ..problems import ContentError, UsageError


def looks_like_path(spec: str) -> bool:
    return spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec


def project_root(bank_file: FsPath) -> FsPath:
    """The project a bank file belongs to: the nearest folder above it with mkdocs.yml."""
    for folder in bank_file.resolve().parents:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return bank_file.resolve().parent.parent


def bank_id_from(spec: str, root: FsPath, layout: Layout) -> str:
    """The bank id named by ``spec`` (an id or a path inside the project's quizzes folder)."""
    if not looks_like_path(spec):
        if not SLUG.fullmatch(spec):
            raise UsageError(f"“{spec}”不是题库 id，也不是 quizzes/ 下的 .yaml 文件路径")
        return spec
    path = FsPath(spec)
    if not path.is_file():
        raise UsageError(f"找不到题库文件 {spec}")
    folder = (root / layout.quizzes_dir).resolve()
    if path.resolve().parent != folder:
        raise UsageError(f"{spec} 不在项目的题库目录 {layout.quizzes_dir}/ 中")
    return path.stem


def load_bank(root: FsPath, layout: Layout, bank_id: str) -> tuple[Project, Entry[QuizBank]]:
    """The project and the checked bank; ContentError lists the bank file's problems.

    Only the bank's own file must be free of problems: a mistake in an unrelated method or
    programme should not stop a trainer from exporting a sound bank.
    """
    file = f"{layout.quizzes_dir}/{bank_id}.yaml"
    if not (root / file).is_file():
        raise UsageError(f"找不到题库“{bank_id}”（应为 {file}）")
    project, problems = load_project(root, layout)
    problems += check_project(project)
    own = [problem for problem in problems if problem.file == file]
    if own:
        raise ContentError(own)
    return project, project.quizzes[bank_id]


def method_titles(project: Project) -> dict[str, str]:
    return {method_id: entry.model.title for method_id, entry in project.methods.items()}
