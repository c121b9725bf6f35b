"""Import the question-bank spreadsheets trainers receive (考试宝, 磨题帮, unit-made templates).

The header may sit below a title, its names carry notes and vary (see columns.py); options
stand in columns (选项A…, A…, 选项1…) or all in one cell; a workbook may hold one sheet per
question type. Values are read however they are commonly spelled; where a text could be read
two ways the reading chosen is said in the report. Rows of kinds lunxun cannot grade (简答…)
are left out and listed; mistakes in the rest stop the import, all reported at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...loading.project import Project
from ...model.common import SLUG
from ...model.quiz import BLANK, LETTERS
from ...problems import Problem
from .cells import difficulty_of, points_of, read_topics
from .columns import Header, find_header
from .draft import Draft, Place
from .sheets import MAX_CELL, Sheet

PLACES = (("题型", "type"), ("题干", "stem"), ("答案", "answer"), ("解析", "explain"), ("难度", "difficulty"),
          ("分值", "points"), ("编号", "id"), ("知识点", "ref"), ("知识点", "tags"), ("标签", "tags"),
          ("选项", "options"), ("选项A", "options"))  # a field's problems are shown at this column
KIND_NAMES = {"single": "单选题", "multiple": "多选题", "judge": "判断题", "blank": "填空题"}
TYPES = {
    "单选": "single", "单项选择": "single", "单选择": "single", "单项": "single", "单择": "single", "SINGLE": "single",
    "多选": "multiple", "多项选择": "multiple", "多项": "multiple", "不定项选择": "multiple", "不定项": "multiple",
    "多选择": "multiple", "MULTIPLE": "multiple",
    "判断": "judge", "是非": "judge", "判断正误": "judge", "对错": "judge", "正误": "judge", "JUDGE": "judge",
    "填空": "blank", "BLANK": "blank",
    "选择": "choice",  # single or multiple, by the number of letters in the answer
}
UNSUPPORTED = ("简答", "问答", "论述", "名词解释", "案例分析", "计算", "材料分析", "分析", "综合", "主观",
               "作文", "写作", "阐述", "辨析", "案例", "论文", "操作")
TRUE = {"对", "正确", "是", "√", "✓", "✔", "T", "TRUE", "Y", "YES", "对的", "正确的"}
FALSE = {"错", "错误", "否", "×", "✗", "✘", "X", "F", "FALSE", "N", "NO", "错的", "错误的", "不对", "不正确"}
GAP = re.compile(r"[_＿]{2,}|[（(][\s\u3000]*[）)]")
BLANK_SEP = re.compile(r"\s*(?:\|\||[|｜;；\n]|###)\s*")
ALT_SEP = re.compile(r"\s*[/／]\s*")
OR_SEP = re.compile(r"\s*或\s*")
LETTER_PREFIX = re.compile(r"^[(（]?([A-Ha-h])\s*[)）.．、:：]\s*")
ANSWER_SEPARATORS = re.compile(r"[\s,，、;；|/]")


@dataclass
class _Sheet:
    """One sheet being read: its header, file label, and what the report will say about it."""

    sheet: Sheet
    header: Header
    label: str
    kind: str | None  # the question type its name gives
    five_scale: bool
    counts: Counter[str] = field(default_factory=Counter)
    readings: dict[str, list[int]] = field(default_factory=dict)

    def read_as(self, reading: str, row: int) -> None:
        self.readings.setdefault(reading, []).append(row)


def parse_sheets(sheets: list[Sheet], file: str, project: Project) -> Draft:
    """Turn the sheets into a Draft, with every problem pinned to its sheet, row and column."""
    draft = Draft(file)
    found = [(sheet, find_header(sheet.rows)) for sheet in sheets if any(sheet.rows)]
    if not found:
        draft.problems.append(Problem(file, 1, 1, "", "文件是空的：应有一行列名（题型、题干、选项A…、答案、解析、难度、"
                                                      "知识点），其下每行一道题"))
        return draft
    usable = [(sheet, header) for sheet, header in found if header is not None]
    if not usable:
        draft.problems.append(Problem(file, 1, 1, "题干", "没有找到列名行：前 30 行中没有“题干”（或“题目”“试题内容”）"
                                                        "这样的列名"))
        return draft
    several = len(usable) > 1
    ids: set[str] = set()
    for sheet, header in found:
        if header is None:
            draft.report.append(f"工作表“{sheet.name}”中没有列名行（需要“题干”等列），整张表未读取")
            continue
        label = f"{file}[{sheet.name}]" if several else file
        state = _Sheet(sheet, header, label, _kind(sheet.name)[0] if several or "题型" not in header.columns else None,
                       _five_scale(sheet, header))
        _read_sheet(draft, project, state, ids)
        _report(draft, state, several)
    if not draft.questions and not draft.problems and not draft.skipped:
        draft.problems.append(Problem(file, usable[0][1].row + 1, 1, "", "没有题目：列名行之下没有任何题目"))
    return draft


def _read_sheet(draft: Draft, project: Project, state: _Sheet, ids: set[str]) -> None:
    header = state.header
    for index, text in header.duplicates:
        first = header.columns[_canon(text)]
        draft.problems.append(Problem(state.label, header.row, index, text, f"重复的列“{text}”：与第 {first} 列同名"))
    missing = [name for name in ("题干", "答案") if name not in header.columns]
    if "题型" not in header.columns and state.kind is None:
        missing.insert(0, "题型")
    for name in missing:
        hint = "（或把工作表命名为题型，如“单选题”）" if name == "题型" else ""
        draft.problems.append(Problem(state.label, header.row, 1, name, f"缺少“{name}”列{hint}"))
    if missing or header.duplicates:
        return
    for number, row in enumerate(state.sheet.rows[header.row:], start=header.row + 1):
        if any(row):
            _row(draft, project, state, number, row, ids)


def _canon(text: str) -> str:
    from .columns import canonical

    return canonical(text) or text


def _kind(text: str) -> tuple[str | None, bool]:
    """(type, unsupported) for a 题型 value or a sheet name: 单项选择题 → single; 简答题 → (None, True)."""
    word = unicodedata.normalize("NFKC", text)
    word = re.sub(r"[（(【\[][^）)】\]]*[）)】\]]|\s|^[一二三四五六七八九十\d]+[、.．]", "", word).upper()
    word = word.removesuffix("类").removesuffix("题").removesuffix("类")
    if word in TYPES:
        return TYPES[word], False
    return None, any(name in word for name in UNSUPPORTED)


def _five_scale(sheet: Sheet, header: Header) -> bool:
    """A difficulty column holding 4 or 5 anywhere is read on a 1–5 scale, else 1–3."""
    column = header.columns.get("难度")
    if column is None:
        return False
    values = {row[column - 1] for row in sheet.rows[header.row:] if len(row) >= column}
    return bool(values & {"4", "5"})


def _row(draft: Draft, project: Project, state: _Sheet, number: int, row: list[str], ids: set[str]) -> None:
    columns = state.header.columns
    names = state.header.names

    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index - 1] if index is not None and index <= len(row) else ""

    def problem(name: str, message: str) -> None:
        draft.problems.append(Problem(state.label, number, columns.get(name, 1), names.get(name, name), message))

    before = len(draft.problems)
    for name, index in columns.items():
        if index <= len(row) and len(row[index - 1]) > MAX_CELL:
            problem(name, f"单元格有 {len(row[index - 1])} 个字，超过上限 {MAX_CELL} 个字")
    if len(draft.problems) > before:
        return
    shown = cell("题型")
    kind, unsupported = _kind(shown) if shown else (state.kind, False)
    if unsupported:
        draft.skipped.append(Problem(state.label, number, columns.get("题型", 1), names.get("题型", "题型"),
                                     f"“{shown}”不能自动评分，lunxun 不支持这种题型，此行未导入"))
        return
    if kind is None:
        problem("题型", f"未知题型“{shown}”，可用：单选题、多选题、判断题、填空题" if shown else "缺少题型")
    question: dict[str, Any] = {"id": _question_id(cell("编号"), len(draft.questions) + 1, ids, problem, state, number)}
    stem = cell("题干")
    if not stem:
        problem("题干", "题干不能为空")
    answer = cell("答案")
    if not answer:
        problem("答案", "答案不能为空")
    elif kind in ("single", "multiple", "choice"):
        options = _options(cell, problem, state, number)
        question["options"] = options
        kind, question["answer"] = _letters(answer, kind, options, problem, state, number)
    elif kind == "judge":
        question["answer"] = _judge(answer, cell, problem, state, number)
    elif kind == "blank":
        stem, question["answer"] = _blanks(stem, answer, problem, state, number)
    question["type"] = kind
    question["stem"] = stem
    if cell("解析"):
        question["explain"] = cell("解析")
    if cell("难度"):
        question["difficulty"] = difficulty_of(cell("难度"), state.five_scale, problem)
    if cell("分值"):
        question["points"] = points_of(cell("分值"), problem)
    read_topics(cell("知识点"), cell("标签"), question, project, problem)
    if len(draft.problems) == before:
        field_columns: dict[str, tuple[int, str]] = {}
        for name, field_name in PLACES:
            if name in columns and field_name not in field_columns:
                field_columns[field_name] = (columns[name], names[name])
        type_column = columns.get("题型", 1)
        place = Place(number, type_column, names.get("题型", ""), field_columns, state.label)
        draft.places[(len(draft.questions),)] = place
        draft.questions.append(question)
        state.counts[kind or ""] += 1
        sheet_part = f"工作表“{state.sheet.name}”" if state.label != draft.file else ""
        draft.notes.append(f"{sheet_part}第 {number} 行")


def _question_id(text: str, ordinal: int, ids: set[str], problem: Callable[[str, str], None],
                 state: _Sheet, number: int) -> str:
    candidate = unicodedata.normalize("NFKC", text).strip().lower()
    if candidate and SLUG.fullmatch(candidate) and not candidate.isdigit():
        if candidate in ids:
            problem("编号", f"重复的编号“{text}”")
        ids.add(candidate)
        return candidate
    if text and not text.isdigit():
        state.read_as(f"“{state.header.names['编号']}”列的值不能用作题目 id（只能用小写英文字母、数字和连字符），"
                      "已自动编号", number)
    candidate = f"q{ordinal}"
    while candidate in ids:
        candidate += "-1"
    ids.add(candidate)
    return candidate


def _options(cell: Callable[[str], str], problem: Callable[[str, str], None], state: _Sheet, number: int) -> list[str]:
    texts = [cell(f"选项{letter}") for letter in LETTERS]
    while texts and not texts[-1]:
        texts.pop()
    if not texts and cell("选项"):
        texts = split_options(cell("选项"))
        if len(texts) < 2:
            problem("选项", f"无法从“{cell('选项')}”中分出选项：写成“A.甲 B.乙”，或用“|”、换行分隔")
            return texts
    else:
        texts = [_strip_letter(text, LETTERS[index]) for index, text in enumerate(texts)]
    if "" in texts:
        missing = f"选项{LETTERS[texts.index('')]}"
        problem(missing, f"{missing}为空，但其后还有选项：选项须从 A 起连续填写")
    if len(texts) < 2:
        column = "选项A" if "选项A" in state.header.columns else "选项"
        problem(column, f"选择题至少需要 2 个选项（现有 {len(texts)} 个）")
    return texts


def _strip_letter(text: str, letter: str) -> str:
    """``A．人民调解`` in column 选项A → ``人民调解`` (only its own letter, so ``B超`` stays)."""
    found = LETTER_PREFIX.match(text)
    return text[found.end():].strip() if found and found.group(1).upper() == letter else text


def split_options(text: str) -> list[str]:
    """``A.人民调解 B.司法调解`` → [人民调解, 司法调解]; else split at new lines, ``|`` or ``；``."""
    starts = []
    position = 0
    for letter in LETTERS:
        marker = re.compile(rf"(?:^|(?<=[\s|;；,，、]))[(（]?{letter}\s*[)）.．、:：]", re.IGNORECASE)
        found = marker.search(text, position)
        if found is None or (letter == "A" and text[:found.start()].strip()):
            break
        starts.append((found.start(), found.end()))
        position = found.end()
    if len(starts) >= 2:
        ends = [start for start, _ in starts[1:]] + [len(text)]
        return [text[body:end].strip(" \t\n|;；,，") for (_, body), end in zip(starts, ends)]
    for separator in ("\n", "|", "｜", "；", ";"):
        parts = [part.strip() for part in text.split(separator)]
        if len(parts) >= 2:
            return [_strip_letter(part, LETTERS[index]) if index < len(LETTERS) else part
                    for index, part in enumerate(parts)]
    return [text.strip()]


def _letters(answer: str, kind: str | None, options: list[str], problem: Callable[[str, str], None],
             state: _Sheet, number: int) -> tuple[str | None, Any]:
    text = ANSWER_SEPARATORS.sub("", unicodedata.normalize("NFKC", answer)).upper()
    if not text or not all(ch in LETTERS for ch in text):
        if answer.strip() in options:  # the answer written out as the option's text
            text = LETTERS[options.index(answer.strip())]
            state.read_as("答案写的是选项内容，已换成对应的字母", number)
        else:
            problem("答案", f"答案“{answer}”应为选项字母，如 {'A' if kind == 'single' else 'ABD'}")
            return kind, answer
    letters = "".join(dict.fromkeys(text))
    if kind == "choice":
        kind = "single" if len(letters) == 1 else "multiple"
        state.read_as("题型“选择题”按答案字母的个数读作单选题或多选题", number)
    if kind == "single" and len(letters) != 1:
        problem("答案", f"单选题只能有一个答案，却填了“{answer}”")
        return kind, answer
    beyond = "".join(sorted({ch for ch in letters if LETTERS.index(ch) >= len(options)}))
    if beyond and len(options) >= 2:
        problem("答案", f"答案“{beyond}”超出了选项范围（共 {len(options)} 个选项：A–{LETTERS[len(options) - 1]}）")
    return kind, letters if kind == "multiple" else letters[0]


def _judge(answer: str, cell: Callable[[str], str], problem: Callable[[str, str], None],
           state: _Sheet, number: int) -> Any:
    word = unicodedata.normalize("NFKC", answer).strip().upper()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    if word in ("A", "B"):
        options = [cell("选项A"), cell("选项B")] if cell("选项A") else split_options(cell("选项")) + [""]
        first, second = (_judge(_strip_letter(text, letter), cell, _quiet, state, number)
                         if text.upper() not in ("A", "B") else None
                         for text, letter in zip(options[:2], "AB"))
        if first is not None and second is not None and first != second:
            return first if word == "A" else second
        state.read_as("判断题答案 A/B 按 A=正确、B=错误 读取", number)
        return word == "A"
    problem("答案", f"判断题的答案应为 对/错（或 正确/错误、√/×、T/F、是/否），却填了“{answer}”")
    return None


def _quiet(name: str, message: str) -> None:
    """A problem callback for probing a text that need not be a judge answer."""


def _blanks(stem: str, answer: str, problem: Callable[[str, str], None], state: _Sheet,
            number: int) -> tuple[str, list[list[str]]]:
    """Gaps written ``___``, ``（ ）`` become ``____``; blanks split by | ； ###, alternatives by / or 或."""
    if not BLANK.search(stem):
        stem = GAP.sub("____", stem)
    gaps = len(BLANK.findall(stem))
    parts = [part for part in BLANK_SEP.split(answer.strip())]
    groups = [[text for text in ALT_SEP.split(part) if text] for part in parts]
    if gaps == 0:
        problem("题干", "填空题的题干中没有空（用 ____ 或（ ）表示）")
        return stem, groups
    if any(len(group) == 1 and OR_SEP.search(group[0]) for group in groups):
        groups = [[text for text in OR_SEP.split(group[0]) if text] if len(group) == 1 else group for group in groups]
        state.read_as("答案中的“或”读作同一个空的几种答案", number)
    if gaps == 1 and len(groups) > 1:
        groups = [[text for group in groups for text in group]]
        state.read_as("题干只有一个空：答案中的“|”“；”读作这个空的几种答案（如 5|五）", number)
    elif len(groups) == 1 and gaps > 1 and len(groups[0]) == gaps:
        groups = [[text] for text in groups[0]]
        state.read_as(f"题干有 {gaps} 个空：答案中的“/”读作各空之间的分隔", number)
    if any(not group for group in groups):
        problem("答案", f"答案“{answer}”中有空的一组：各空用“|”分隔，同一空的几种答案用“/”分隔")
    elif gaps != len(groups):
        problem("答案", f"题干有 {gaps} 个空，答案却给了 {len(groups)} 组（各空用“|”分隔）")
    return stem, groups


def _rows_text(rows: list[int]) -> str:
    shown = "、".join(str(row) for row in rows[:20])
    return f"第 {shown} 行" + (f"等 {len(rows)} 行" if len(rows) > 20 else "")


def _report(draft: Draft, state: _Sheet, several: bool) -> None:
    header = state.header
    where = f"工作表“{state.sheet.name}”" if several else "表格"
    counts = "、".join(f"{name} {state.counts[kind]} 道" for kind, name in KIND_NAMES.items() if state.counts[kind])
    kind_note = (f"（题型按工作表名读作{KIND_NAMES.get(state.kind or '', '')}）"
                 if state.kind and "题型" not in header.columns else "")
    draft.report.append(f"{where}：第 {header.row} 行是列名{kind_note}；读出 {counts or '0 道题'}")
    if header.row > 1:
        above = f"第 1–{header.row - 1} 行" if header.row > 2 else "第 1 行"
        draft.report.append(f"{above}在列名之上（标题或说明），未读取")
    used = [name if text == name else f"{name}（“{text}”）"
            for name, text in sorted(header.names.items(), key=lambda item: header.columns[item[0]])]
    draft.report.append("使用的列：" + "、".join(used))
    if header.ignored:
        draft.report.append("忽略的列（lunxun 没有对应的字段）：" + "、".join(header.ignored))
    for reading, rows in state.readings.items():
        draft.report.append(f"{_rows_text(rows)}：{reading}")
    draft.report.extend(state.sheet.notes)
