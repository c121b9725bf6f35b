"""Word exam papers (.docx), the way a 党校 keeps its 题库, read into a Draft.

A paper is read paragraph by paragraph (soft line breaks split a paragraph into lines):

- a section heading ``一、单项选择题`` (``多项选择题``, ``判断题``, ``填空题`` …) sets the type of
  the questions under it; ``简答题``/``论述题`` sections are listed and left out;
- a question starts with its number, ``1．…（ ）`` (``1.``, ``1、``, ``(1)``);
- options ``A．… B．…`` stand on one line or several; a line that is none of these continues
  the stem, the last option or the explanation before it;
- the answer follows the question (``答案：B``, ``【答案】B``, ``正确答案：B``) or comes in a key at
  the end (``参考答案`` then ``1-5 BADCC`` or ``1．B 2．A`` lines, by section when the key has
  section headings); ``解析：``/``【解析】`` is the explanation;
- a judge question may carry its answer in the stem, ``（√）`` / ``（×）``; blanks are ``____``
  or an empty ``（ ）`` in a fill-in section.

Every paragraph that holds text and could not be placed is named by its number in the report.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from ...model.quiz import BLANK, FALSE_WORDS, LETTERS, TRUE_WORDS
from ...problems import Problem
from .draft import Draft, Place
from .sheets import MAX_FILE_BYTES, MAX_INFLATED_TOTAL, MAX_MEMBERS

MAX_PARAGRAPHS = 60_000
MAX_LINE = 20_000

_NUMERALS = "一二三四五六七八九十"
_SECTION = re.compile(rf"^[{_NUMERALS}]+\s*[、．.]\s*(.+?)\s*(?:[（(].*[)）])?\s*$")
_SECTION_KINDS = (
    (("多项选择", "多选"), "multiple"),
    (("单项选择", "单选", "选择题"), "single"),
    (("判断",), "judge"),
    (("填空",), "blank"),
    (("简答", "论述", "问答", "案例分析", "材料分析", "名词解释"), "unsupported"),
)
_QUESTION = re.compile(r"^(?:(\d{1,4})\s*[.．、]|[（(](\d{1,4})[)）])\s*(.*)$")
_OPTION = re.compile(r"(?:^|(?<=\s))([A-H])\s*[.．、:：]\s*")
_ANSWER = re.compile(r"^(?:【\s*(?:正确)?答案\s*】|(?:正确|参考|标准)?答案\s*[:：])\s*(.*)$")
_EXPLAIN = re.compile(r"^(?:【\s*(?:答案)?解析\s*】|(?:答案|试题)?解析\s*[:：])\s*(.*)$")
_KEY_HEADING = re.compile(r"^(?:参考答案|答案|标准答案)(?:及解析|与解析)?\s*[:：]?\s*(.*)$")
_KEY_RANGE = re.compile(r"(\d{1,4})\s*[-－~～—]\s*(\d{1,4})\s*[:：.．]?\s*([A-H√×✓✗对错]+)")
_KEY_SINGLE = re.compile(r"(\d{1,4})\s*[.．、:：]\s*([A-H]+|[√×✓✗]|对|错|正确|错误)")
_JUDGE_MARK = re.compile(r"[（(]\s*([√×✓✗对错])\s*[)）]\s*[。．.]?\s*$")
_EMPTY_PAREN = re.compile(r"[（(]\s*[)）]")


@dataclass
class _Question:
    number: int
    section: int
    kind: str | None
    paragraph: int
    stem: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    answer: str | None = None
    explain: list[str] = field(default_factory=list)
    part: str = "stem"  # what a continuation line belongs to


def read_docx(path: FsPath, file: str) -> tuple[list[tuple[int, str]], list[Problem]]:
    """(paragraph number, line) for every line of the document's body, or the problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [Problem(file, 1, 1, "", f"文件有 {size // 1024 // 1024} MB，超过导入的上限 "
                                               f"{MAX_FILE_BYTES // 1024 // 1024} MB")]
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            inflated = sum(m.file_size for m in members if not m.filename.startswith("word/media/"))
            if len(members) > MAX_MEMBERS or inflated > MAX_INFLATED_TOTAL:
                limit = MAX_INFLATED_TOTAL // 1024 // 1024
                return [], [Problem(file, 1, 1, "", f"Word 文件解压后超过上限（{limit} MB），拒绝读取")]
        import docx

        document = docx.Document(str(path))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        name = type(error).__name__
        return [], [Problem(file, 1, 1, "", f"无法读取 Word 文件（{name}）："
                                            "请确认它是 .docx（旧的 .doc 请先另存为 .docx）")]
    lines: list[tuple[int, str]] = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        if number > MAX_PARAGRAPHS:
            return [], [Problem(file, number, 1, "", f"段落超过 {MAX_PARAGRAPHS} 个，拒绝读取")]
        for line in paragraph.text.replace("\r", "\n").replace("\v", "\n").split("\n"):
            if line.strip():
                lines.append((number, line.strip()[:MAX_LINE]))
    return lines, []


def parse_paper(lines: list[tuple[int, str]], file: str) -> Draft:
    """The paper's questions as a Draft; problems and unread paragraphs pinned to their numbers."""
    draft = Draft(file)
    questions: list[_Question] = []
    unread: list[int] = []
    section, kind = 0, None
    current: _Question | None = None
    key = _Key()
    for paragraph, line in lines:
        if key.open:
            key.read(line, paragraph, unread)
            continue
        heading = _SECTION.match(line)
        if heading and not _QUESTION.match(line):
            section, kind, current = section + 1, _section_kind(heading.group(1)), None
            if kind is None:
                unread.append(paragraph)
            continue
        key_start = _KEY_HEADING.match(line)
        if key_start and _starts_key(key_start.group(1)):
            key.open = True
            key.read(key_start.group(1), paragraph, unread)
            continue
        start = _QUESTION.match(line)
        if start:
            current = _Question(int(start.group(1) or start.group(2)), section, kind, paragraph)
            questions.append(current)
            _add_text(current, start.group(3))
        elif current is None:
            if questions or section:
                unread.append(paragraph)  # above the first question: a title or instructions
        elif (answer := _ANSWER.match(line)) is not None:
            current.answer, current.part = answer.group(1).strip(), "answer"
        elif (explain := _EXPLAIN.match(line)) is not None:
            current.explain.append(explain.group(1).strip())
            current.part = "explain"
        else:
            _add_text(current, line)
    key.apply(questions, draft)
    for question in questions:
        _to_draft(draft, question)
    if unread:
        draft.report.append("未读取的段落（不是题目、选项、答案、解析或题型标题）：第 "
                            + "、".join(str(n) for n in sorted(set(unread))) + " 段")
    counts: dict[str, int] = {}
    for data in draft.questions:
        counts[data["type"]] = counts.get(data["type"], 0) + 1
    names = {"single": "单选", "multiple": "多选", "judge": "判断", "blank": "填空"}
    draft.report.insert(0, "读出 " + ("、".join(f"{names[k]} {n} 道" for k, n in counts.items()) or "0 道题"))
    if not questions and not draft.problems:
        draft.problems.append(Problem(file, 1, 1, "", "没有找到题目：题目应以题号开头，如“1．”或“1、”"))
    return draft


def _section_kind(title: str) -> str | None:
    for words, kind in _SECTION_KINDS:
        if any(word in title for word in words):
            return kind
    return None


def _starts_key(rest: str) -> bool:
    """``参考答案`` on its own line, or followed by numbered answers, begins the key at the end;
    ``答案：B`` under a question is that question's answer."""
    rest = rest.strip()
    return not rest or bool(_KEY_RANGE.search(rest) or _KEY_SINGLE.match(rest))


class _Key:
    """The answer key at the end: numbered answers, by section when the key has headings."""

    def __init__(self) -> None:
        self.open = False
        self.parts: list[dict[int, str]] = [{}]  # part 0: before any heading inside the key

    def read(self, line: str, paragraph: int, unread: list[int]) -> None:
        line = line.strip()
        if not line:
            return
        if _SECTION.match(line) and not _KEY_RANGE.search(line) and not _KEY_SINGLE.search(line):
            self.parts.append({})
            return
        found = False
        for match in _KEY_RANGE.finditer(line):
            first, last, marks = int(match.group(1)), int(match.group(2)), match.group(3)
            if len(marks) == last - first + 1:
                self.parts[-1].update({first + i: mark for i, mark in enumerate(marks)})
                found = True
        for match in _KEY_SINGLE.finditer(_KEY_RANGE.sub(" ", line)):
            self.parts[-1][int(match.group(1))] = match.group(2)
            found = True
        if not found:
            unread.append(paragraph)

    def apply(self, questions: list[_Question], draft: Draft) -> None:
        """Give each question without an answer its key entry. With headings in the key, the
        n-th heading's answers belong to the n-th section that has questions; without, the
        numbers must name one question each."""
        missing = [q for q in questions if q.answer is None]
        if not missing or not any(self.parts):
            return
        if len(self.parts) > 1:
            order = list(dict.fromkeys(q.section for q in questions))
            for question in missing:
                index = order.index(question.section) + 1
                if index < len(self.parts):
                    question.answer = self.parts[index].get(question.number)
            return
        numbers = [q.number for q in questions]
        if len(set(numbers)) < len(numbers):
            draft.problems.append(Problem(draft.file, missing[0].paragraph, 1, "参考答案",
                                          "各题型的题号重复，而卷末答案没有按题型分开：请在答案中写出题型标题"
                                          "（如“一、单项选择题”），或在每题下写“答案：”"))
            return
        for question in missing:
            question.answer = self.parts[0].get(question.number)


def _add_text(question: _Question, text: str) -> None:
    """Options on the line, if any; otherwise text that continues what came before."""
    text = text.strip()
    if not text:
        return
    marks = list(_OPTION.finditer(text))
    if marks and (marks[0].start() == 0 or question.part in ("stem", "option")) and _letters_in_order(marks, question):
        before = text[: marks[0].start()].strip()
        if before:
            question.stem.append(before)
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            question.options.append(text[mark.end():end].strip())
        question.part = "option"
        return
    if question.part == "option" and question.options:
        question.options[-1] += text
    elif question.part == "explain" and question.explain:
        question.explain[-1] += text
    else:
        question.stem.append(text)


def _letters_in_order(marks: list[re.Match[str]], question: _Question) -> bool:
    start = len(question.options)
    return [m.group(1) for m in marks] == list(LETTERS[start:start + len(marks)])


def _to_draft(draft: Draft, question: _Question) -> None:
    label = f"第{question.number}题"
    place = Place(question.paragraph, 1, label)
    stem = "\n".join(question.stem).strip()
    answer = (question.answer or "").strip()
    kind = question.kind
    mark = _JUDGE_MARK.search(stem)
    if kind == "unsupported":
        draft.skipped.append(Problem(draft.file, question.paragraph, 1, label,
                                     "主观题（简答、论述等）lunxun 不能自动评分，未导入"))
        return
    if kind is None:
        kind = _guess_kind(stem, answer, question.options, mark)
    data: dict[str, Any] = {"id": f"q{len(draft.questions) + 1}", "type": kind}
    if kind == "judge":
        if mark and not answer:
            answer = mark.group(1)
        stem = _JUDGE_MARK.sub("", stem).rstrip() if mark else _EMPTY_PAREN.sub("", stem).rstrip()
        data["answer"] = True if answer in TRUE_WORDS else False if answer in FALSE_WORDS else answer
    elif kind in ("single", "multiple"):
        data["options"] = question.options
        letters = re.sub(r"[\s,，、]", "", answer).upper()
        data["answer"] = letters if kind == "single" else list(letters)
    elif kind == "blank":
        stem = _EMPTY_PAREN.sub("____", stem)
        parts = [p.strip() for p in re.split(r"[；;|]|###", answer) if p.strip()]
        if len(BLANK.findall(stem)) == 1 and len(parts) > 1:
            draft.report.append(f"{label}：题干只有一个空，答案“{answer}”读作这个空的几种写法")
            parts = ["/".join(parts)]
        data["answer"] = [[alt.strip() for alt in re.split(r"[/／]|或", part) if alt.strip()] for part in parts]
    data["stem"] = stem
    if question.explain:
        data["explain"] = "\n".join(question.explain)
    if not answer:
        draft.problems.append(place.problem(draft.file, None, "没有找到答案：题后写“答案：B”，"
                                                              "或在卷末的参考答案中给出"))
        return
    draft.places[(len(draft.questions),)] = place
    draft.notes.append(f"第 {question.paragraph} 段")
    draft.questions.append(data)


def _guess_kind(stem: str, answer: str, options: list[str], mark: re.Match[str] | None) -> str:
    if options:
        letters = re.sub(r"[\s,，、]", "", answer)
        return "multiple" if len(letters) > 1 else "single"
    if mark or answer in TRUE_WORDS | FALSE_WORDS:
        return "judge"
    return "blank"
