"""Import the common Chinese question-bank spreadsheet (XLSX or CSV) as a Draft.

Columns (first row; order free, names compared after removing spaces and full-width forms):
题型, 题干, 选项A…选项H, 答案, 解析, 难度, 知识点; optional 编号 (question id) and 分值
(points); 序号/题号 are ignored. 题型: 单选题, 多选题, 判断题, 填空题. 答案: letters (``ABD``,
``A,B,D``) for choices, 对/错 for 判断题; for 填空题 blanks are separated by ``|`` and the
accepted texts of one blank by ``/`` (``情/情感|理``). 难度: 易/中/难 or 1–3. 知识点: a method
or step id (``liuchixiang`` / ``liuchixiang#ting``) becomes ``ref``; anything else becomes tags.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from pathlib import Path as FsPath
from typing import Any

from ...check.refs import method_ref_error
from ...loading.project import Project
from ...model.common import SLUG
from ...model.quiz import BLANK, FALSE_WORDS, LETTERS, TRUE_WORDS
from ...problems import Problem
from .draft import Draft, Place

TYPES = {
    "单选题": "single", "单选": "single", "单项选择题": "single",
    "多选题": "multiple", "多选": "multiple", "多项选择题": "multiple",
    "判断题": "judge", "判断": "judge",
    "填空题": "blank", "填空": "blank",
}
ALIASES = {"题目": "题干", "试题": "题干", "正确答案": "答案", "参考答案": "答案", "答案解析": "解析",
           "试题类型": "题型", "题目类型": "题型", "分数": "分值"}
OPTION_COLUMNS = tuple(f"选项{letter}" for letter in LETTERS)
KNOWN = ("题型", "题干", *OPTION_COLUMNS, "答案", "解析", "难度", "知识点", "编号", "分值")
IGNORED = ("序号", "题号")
FIELDS = {"type": "题型", "stem": "题干", "options": "选项A", "answer": "答案", "explain": "解析",
          "difficulty": "难度", "ref": "知识点", "tags": "知识点", "id": "编号", "points": "分值"}
DIFFICULTY = {"易": 1, "简单": 1, "容易": 1, "中": 2, "中等": 2, "一般": 2, "难": 3, "困难": 3, "较难": 3,
              "1": 1, "2": 2, "3": 3}
GAP = re.compile(r"_{2,}|[（(]\s*[）)]")
SPLIT_TAGS = re.compile(r"[,，、;；\s]+")


def read_rows(path: FsPath, file: str) -> tuple[list[list[str]], list[Problem]]:
    """The sheet as rows of stripped texts (row 1 is the header), or a problem."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, file)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [], [Problem(file, 1, 1, "", f"无法读取文件：{error.strerror or error}")]
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return [], [Problem(file, 1, 1, "", "无法识别文件编码：请以 UTF-8 或 GB18030（GBK）保存 CSV")]
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return [], [Problem(file, 1, 1, "", f"CSV 格式错误：{error}")]
    return [[cell.strip() for cell in row] for row in rows], []


def _read_xlsx(path: FsPath, file: str) -> tuple[list[list[str]], list[Problem]]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles other tools leave behind
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, InvalidFileException) as error:
        return [], [Problem(file, 1, 1, "", f"无法读取 Excel 文件（{type(error).__name__}）：请确认是 .xlsx 格式")]
    try:
        sheet = book.worksheets[0]
        rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return rows, []


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "对" if value else "错"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_name(text: str) -> str:
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if name.startswith("选项") and len(name) == 3:
        name = "选项" + name[2].upper()
    return ALIASES.get(name, name)


def parse_rows(rows: list[list[str]], file: str, project: Project) -> Draft:
    """Turn the rows into a Draft, with every problem found pinned to its row and column."""
    draft = Draft(file)
    if not any(any(cell for cell in row) for row in rows):
        draft.problems.append(Problem(file, 1, 1, "", "文件是空的：第 1 行应为列名（题型、题干、选项A…、答案、解析、难度、知识点），其下每行一道题"))
        return draft
    columns = _columns(rows[0], draft)
    if draft.problems:
        return draft
    ids: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        _row(draft, project, columns, number, row, ids)
    if not draft.questions and not draft.problems:
        draft.problems.append(Problem(file, 2, 1, "", "没有题目：第 1 行是列名，其下没有任何题目"))
    return draft


def _columns(header: list[str], draft: Draft) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, text in enumerate(header, start=1):
        if not text:
            continue
        name = _header_name(text)
        if name in IGNORED:
            continue
        if name not in KNOWN:
            draft.problems.append(Problem(draft.file, 1, index, text, f"未知的列“{text}”，可用的列：题型、题干、选项A…选项H、答案、解析、难度、知识点、编号、分值"))
        elif name in columns:
            draft.problems.append(Problem(draft.file, 1, index, text, f"重复的列“{name}”"))
        else:
            columns[name] = index
    for required in ("题型", "题干", "答案"):
        if required not in columns:
            draft.problems.append(Problem(draft.file, 1, 1, required, f"缺少“{required}”列"))
    return columns


def _row(draft: Draft, project: Project, columns: dict[str, int], number: int, row: list[str], ids: set[str]) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index - 1] if index is not None and index <= len(row) else ""

    def problem(name: str, message: str) -> None:
        draft.problems.append(Problem(draft.file, number, columns.get(name, 1), name, message))

    place = Place(number, columns["题型"], "题型", {f: (columns[c], c) for f, c in FIELDS.items() if c in columns})
    before = len(draft.problems)
    kind = TYPES.get(re.sub(r"\s+", "", cell("题型")))
    if kind is None:
        shown = cell("题型")
        problem("题型", f"未知题型“{shown}”，可用：单选题、多选题、判断题、填空题" if shown else "缺少题型")
    question: dict[str, Any] = {"id": _question_id(cell("编号"), len(draft.questions) + 1, ids, problem), "type": kind}
    stem = cell("题干")
    if not stem:
        problem("题干", "题干不能为空")
    answer = cell("答案")
    if not answer:
        problem("答案", "答案不能为空")
    elif kind in ("single", "multiple"):
        question["options"] = _options(cell, problem)
        question["answer"] = _letters(answer, kind, len(question["options"]), problem)
    elif kind == "judge":
        question["answer"] = _judge(answer, problem)
    elif kind == "blank":
        stem, question["answer"] = _blanks(stem, answer, problem)
    question["stem"] = stem
    if cell("解析"):
        question["explain"] = cell("解析")
    if cell("难度"):
        question["difficulty"] = _difficulty(cell("难度"), problem)
    if cell("分值"):
        question["points"] = _points(cell("分值"), problem)
    _topics(cell("知识点"), question, project, problem)
    if len(draft.problems) == before:
        draft.places[(len(draft.questions),)] = place
        draft.questions.append(question)
        draft.notes.append(f"第 {number} 行")


def _question_id(text: str, ordinal: int, ids: set[str], problem: Any) -> str:
    if text:
        if not SLUG.fullmatch(text):
            problem("编号", f"编号“{text}”不是合法的标识：只能用小写英文字母、数字和连字符")
        elif text in ids:
            problem("编号", f"重复的编号“{text}”")
        ids.add(text)
        return text
    candidate = f"q{ordinal}"
    while candidate in ids:
        candidate += "-1"
    ids.add(candidate)
    return candidate


def _options(cell: Any, problem: Any) -> list[str]:
    texts = [cell(name) for name in OPTION_COLUMNS]
    while texts and not texts[-1]:
        texts.pop()
    if "" in texts:
        missing = OPTION_COLUMNS[texts.index("")]
        problem(missing, f"{missing}为空，但其后还有选项：选项须从 A 起连续填写")
    if len(texts) < 2:
        problem("选项A", f"选择题至少需要 2 个选项（现有 {len(texts)} 个）")
    return texts


def _letters(answer: str, kind: str, count: int, problem: Any) -> Any:
    text = re.sub(r"[\s,，、;；]", "", unicodedata.normalize("NFKC", answer)).upper()
    if not text or not all(ch in LETTERS for ch in text):
        problem("答案", f"答案“{answer}”应为选项字母，如 {'A' if kind == 'single' else 'ABD'}")
        return answer
    if kind == "single" and len(set(text)) != 1:
        problem("答案", f"单选题只能有一个答案，却填了“{answer}”")
        return answer
    beyond = "".join(sorted({ch for ch in text if LETTERS.index(ch) >= count}))
    if beyond and count >= 2:
        problem("答案", f"答案“{beyond}”超出了选项范围（共 {count} 个选项：A–{LETTERS[count - 1]}）")
    return text if kind == "multiple" else text[0]


def _judge(answer: str, problem: Any) -> Any:
    word = unicodedata.normalize("NFKC", answer).strip().upper()
    if word in TRUE_WORDS or word == "TRUE":
        return True
    if word in FALSE_WORDS or word == "FALSE":
        return False
    problem("答案", f"判断题的答案应为“对”或“错”，却填了“{answer}”")
    return None


def _blanks(stem: str, answer: str, problem: Any) -> tuple[str, list[list[str]]]:
    """Gaps written ``___``, ``（ ）`` or ``____`` become ``____``; answers split by | and /."""
    if not BLANK.search(stem):
        stem = GAP.sub("____", stem)
    groups = [[text.strip() for text in part.split("/") if text.strip()] for part in answer.split("|")]
    if any(not group for group in groups):
        problem("答案", f"答案“{answer}”中有空的一组：各空用“|”分隔，同一空的几种答案用“/”分隔")
    gaps = len(BLANK.findall(stem))
    if gaps == 0:
        problem("题干", "填空题的题干中没有空（用 ____ 或（ ）表示）")
    elif gaps != len(groups):
        problem("答案", f"题干有 {gaps} 个空，答案却给了 {len(groups)} 组（各空用“|”分隔）")
    return stem, groups


def _difficulty(text: str, problem: Any) -> Any:
    value = DIFFICULTY.get(unicodedata.normalize("NFKC", text).strip())
    if value is None:
        problem("难度", f"难度“{text}”应为 易、中、难 或 1、2、3")
    return value


def _points(text: str, problem: Any) -> Any:
    try:
        value = float(unicodedata.normalize("NFKC", text))
    except ValueError:
        value = 0.0
    if value <= 0:
        problem("分值", f"分值“{text}”应为大于 0 的数")
    return value


def _topics(text: str, question: dict[str, Any], project: Project, problem: Any) -> None:
    """知识点: the first method/step id becomes ref; other words become tags."""
    tags: list[str] = []
    for word in SPLIT_TAGS.split(unicodedata.normalize("NFKC", text).strip()):
        if not word:
            continue
        if "#" in word and SLUG.fullmatch(word.replace("#", "", 1)):
            error = method_ref_error(project, word)
            if error:
                problem("知识点", error)
            elif "ref" not in question:
                question["ref"] = word
                continue
        elif word in project.methods and "ref" not in question:
            question["ref"] = word
            continue
        if word not in tags:
            tags.append(word)
    if tags:
        question["tags"] = tags
