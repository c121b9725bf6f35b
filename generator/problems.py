"""Problems found in trainer input, each pinned to FILE:LINE:COL and a field path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """Render ('questions', 3, 'answer') as ``questions[3].answer``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file; line and column are 1-based."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class CommandError(Exception):
    """A command that could not do its work, with a message for people (no traceback).

    Every failure a trainer can cause derives from it; ``cli.main`` prints it and exits 1.
    """

    def report(self) -> str:
        return str(self)


class BuildError(CommandError):
    """A build that did not happen."""


class UsageError(CommandError):
    """A mistake in how a command was called (a one-line Chinese message)."""


class ContentError(CommandError):
    """Raised when content has problems; carries all of them, sorted by place."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"共发现 {len(self.problems)} 个问题，未生成任何文件。")
        return "\n".join(lines)
