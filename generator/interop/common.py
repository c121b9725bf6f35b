"""What every exporter shares: the bank flattened into scored items, and category names."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..model import QuizBank
from ..model.quiz import Case, QuestionBase


@dataclass(frozen=True)
class Item:
    """One scored question as other systems see it: a plain question or a case's sub-question."""

    question: QuestionBase
    case: Case | None = None

    @property
    def ref(self) -> str | None:
        """The question's own ref, else its case's."""
        if self.question.ref is not None:
            return self.question.ref
        return self.case.ref if self.case is not None else None

    def stem(self) -> str:
        """The stem as a self-contained Markdown text: a case's scenario (and stem) come first."""
        if self.case is None:
            return self.question.stem
        parts = [self.case.scenario.rstrip("\n")]
        if self.case.stem:
            parts.append(self.case.stem.rstrip("\n"))
        parts.append(self.question.stem)
        return "\n\n".join(parts)


def items(bank: QuizBank) -> list[Item]:
    """Every scored question of a bank in order; a case contributes its sub-questions."""
    found: list[Item] = []
    for question in bank.questions:
        if isinstance(question, Case):
            found.extend(Item(sub, question) for sub in question.questions)
        else:
            found.append(Item(question))
    return found


def category_path(bank_title: str, method_title: str | None) -> str:
    """A Moodle category path; "/" inside a name is written "//" as Moodle expects."""
    parts = ["$course$", "top", bank_title] + ([method_title] if method_title else [])
    return "/".join(part if part.startswith("$") else part.replace("/", "//") for part in parts)


def method_title(ref: str | None, titles: dict[str, str]) -> str | None:
    """The title of the method a ref points at (None for questions without a ref)."""
    if ref is None:
        return None
    method_id = ref.partition("#")[0]
    return titles.get(method_id, method_id)


def share(count: int, total: float = 100.0) -> str:
    """``total / count`` as Moodle writes grade fractions in percent (33.33333, 12.5, -50)."""
    value = total / count
    return f"{value:.5f}".rstrip("0").rstrip(".")


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` in the given order with fixed timestamps: the same bank, the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
