"""The organisation department's list of trainees (.xlsx, .xls, .csv) → a cohort's Roster.

Header names vary and carry notes (``姓名（必填）``, ``工作单位``, ``学员编号``); the header may
sit below a title. Columns lunxun does not keep (身份证号, 出生年月 …) are left out and said
so: a roster holds only what the class needs. Every problem comes with sheet, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from ..interop.import_.columns import Header, find_header_by, normalize
from ..interop.import_.sheets import Sheet
from ..model.programme import Cohort, Programme
from ..model.roster import Roster, Trainee
from ..problems import Problem
from .roster import roster_problems

# Trainee field → the names departments' lists give the column (compared after normalize()).
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "学员姓名", "名字", "学员"),
    "unit": ("单位", "工作单位", "所在单位", "单位名称", "现工作单位", "所在村", "所在社区", "村", "社区"),
    "post": ("职务", "现任职务", "职位", "岗位", "现职务", "职务职级"),
    "category": ("类别", "学员类别", "人员类别", "培训类别", "对象类别", "类型", "培训对象"),
    "gender": ("性别",),
    "id": ("学员编号", "编号", "学号", "学员号", "培训编号"),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
    "notes": ("备注", "说明"),
}
LABELS = {"name": "姓名", "unit": "单位", "post": "职务", "category": "类别", "gender": "性别",
          "id": "学员编号", "phone": "联系电话", "notes": "备注"}
_LOOKUP = {name: key for key, names in ALIASES.items() for name in names}
GENDERS = {"男": "男", "男性": "男", "M": "男", "MALE": "男", "女": "女", "女性": "女", "F": "女", "FEMALE": "女"}


def column_of(text: str) -> str | None:
    """The Trainee field a header cell names, or None."""
    return _LOOKUP.get(normalize(text))


@dataclass
class Imported:
    """What a spreadsheet gave: the roster (None on any problem), and what the report says."""

    roster: Roster | None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Row:
    label: str  # file, or file[sheet]
    number: int
    header: Header
    values: dict[str, str]


def import_roster(sheets: list[Sheet], file: str, programme: Programme, cohort: Cohort,
                  others: list[tuple[str, Roster]]) -> Imported:
    """Read every sheet that has a header with a name column; check the rows as one roster."""
    result = Imported(None)
    found = [(sheet, find_header_by(sheet.rows, column_of, "name")) for sheet in sheets if any(sheet.rows)]
    usable = [(sheet, header) for sheet, header in found if header is not None]
    if not usable:
        result.problems.append(Problem(file, 1, 1, "姓名", "没有找到列名行：前 30 行中没有“姓名”这样的列名"
                                                          "（名册应有一行列名，如 姓名、单位、职务、类别、学员编号）"))
        return result
    several = len(sheets) > 1
    rows: list[_Row] = []
    for sheet, header in usable:
        label = f"{file}[{sheet.name}]" if several else file
        for index, text in header.duplicates:
            result.problems.append(Problem(label, header.row, index, text, f"重复的列“{text}”：同一项只能有一列"))
        if header.ignored:
            result.notes.append(f"{label}：未导入的列：{'、'.join(header.ignored)}（名册只保存培训需要的信息）")
        for number in range(header.row + 1, len(sheet.rows) + 1):
            cells = sheet.rows[number - 1]
            values = {key: cells[col - 1] if col <= len(cells) else "" for key, col in header.columns.items()}
            if any(values[key] for key in values if key != "id"):  # a pre-numbered empty template row is no trainee
                rows.append(_Row(label, number, header, values))
    for unread in (sheet for sheet, found_header in found if found_header is None):
        result.notes.append(f"工作表“{unread.name}”中没有找到列名行，未读取")
    if not rows:
        first, first_header = usable[0]
        result.problems.append(Problem(f"{file}[{first.name}]" if several else file, first_header.row + 1, 1, "",
                                       "没有学员：列名行之下没有任何学员"))
        return result
    kept = _trainees(rows, result)  # rows with a problem of their own are left out of the checks below
    rows = [row for row, _ in kept]
    trainees = [trainee for _, trainee in kept]
    numbered = all("id" in row.header.columns for row in rows)
    if not numbered and not result.problems:
        width = max(3, len(str(len(trainees))))
        trainees = [t.model_copy(update={"id": str(n).zfill(width)}) for n, t in enumerate(trainees, start=1)]
        result.notes.append("表中没有学员编号列："
                            f"已按名册顺序编为 {'1'.zfill(width)}–{str(len(trainees)).zfill(width)}")

    def locate(index: int, key: str) -> tuple[str, int, int, str]:
        row = rows[index]
        column = row.header.columns.get(key, row.header.columns["name"])
        return row.label, row.number, column, row.header.names.get(key, LABELS[key])

    def mention(index: int) -> str:
        return f"第 {rows[index].number} 行"

    if numbered or not result.problems:  # ids not yet given cannot be compared
        result.problems += roster_problems(trainees, locate, mention, programme, cohort, others)
    if not result.problems:
        result.roster = Roster(programme=str(programme.id), cohort=cohort.id, imported_from=file.rsplit("/", 1)[-1],
                               trainees=trainees)
    return result


def _trainees(rows: list[_Row], result: Imported) -> list[tuple[_Row, Trainee]]:
    trainees = []
    for row in rows:
        values = dict(row.values)
        before = len(result.problems)

        def problem(key: str, message: str, row: _Row = row) -> None:
            result.problems.append(Problem(row.label, row.number, row.header.columns.get(key, 1),
                                           row.header.names.get(key, LABELS[key]), message))

        if not values.get("name"):
            problem("name", "缺少姓名")
        if "id" in row.header.columns and not values.get("id"):
            problem("id", "缺少学员编号（表中有编号列时每位学员都要有编号）")
        gender = values.get("gender")
        if gender:
            values["gender"] = GENDERS.get(normalize(gender), "")
            if not values["gender"]:
                problem("gender", f"性别“{gender}”应为 男 或 女")
        data = {key: value for key, value in values.items() if value}
        data.setdefault("id", "?")  # numbered after all rows are read
        if len(result.problems) > before:
            continue
        try:
            trainees.append((row, Trainee.model_validate(data)))
        except ValidationError as error:  # the checks above leave nothing else that can fail
            first = error.errors(include_url=False)[0]
            problem(str(first["loc"][0]), first["msg"])
    return trainees
