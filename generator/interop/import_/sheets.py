"""Read a question-bank spreadsheet (.xlsx, .xls, .csv) as sheets of text rows, within bounds.

A crafted file must not take minutes or gigabytes: the file size, a zip's declared inflated
sizes, the rows read and the length of one cell are all bounded, and what lies beyond a
bound is refused with a message (or, for trailing blank rows, left unread and said so).
"""

from __future__ import annotations

import codecs
import csv
import io
import struct
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path as FsPath
from typing import Any

from ...problems import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_INFLATED_MEMBER = 64 * 1024 * 1024  # one XML part of an .xlsx once unzipped
MAX_INFLATED_TOTAL = 128 * 1024 * 1024
MAX_MEMBERS = 5_000
MAX_ROWS = 15_000  # rows holding text, all sheets together; lunxun reads about 12,000 questions from one file
MAX_BLANK_RUN = 1_000  # this many blank rows in a row end a sheet (formatting often runs to row 1,048,576)
MAX_COLUMNS = 64
MAX_CELL = 20_000  # characters in one cell
XLSX = (".xlsx", ".xlsm")


class TooBig(Exception):
    """A bound was passed; the message says which, in Chinese."""


@dataclass
class Sheet:
    """One sheet's rows (1-based row ``n`` is ``rows[n - 1]``), each a list of stripped texts."""

    name: str
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


def read_sheets(path: FsPath, file: str) -> tuple[list[Sheet], list[Problem]]:
    """Every sheet of the file, or the problem that stops reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TooBig(f"文件有 {size // 1024 // 1024} MB，超过导入的上限 {MAX_FILE_BYTES // 1024 // 1024} MB")
        suffix = path.suffix.lower()
        if suffix in XLSX:
            return _read_xlsx(path, file), []
        if suffix == ".xls":
            return _read_xls(path, file), []
        return [_read_csv(path, file)], []
    except TooBig as error:
        return [], [Problem(file, 1, 1, "", f"{error}：请把题库分成几个文件分别导入")]
    except _Unreadable as error:
        return [], [Problem(file, 1, 1, "", str(error))]
    except OSError as error:
        return [], [Problem(file, 1, 1, "", f"无法读取文件：{error.strerror or error}")]


class _Unreadable(Exception):
    pass


class _Rows:
    """Collects rows under the bounds shared by every sheet of one file."""

    def __init__(self) -> None:
        self.filled = 0

    def take(self, name: str, source: Iterable[Iterable[Any]]) -> Sheet:
        sheet = Sheet(name, [])
        blank_run = 0
        iterator: Iterator[Iterable[Any]] = iter(source)
        for values in iterator:
            row = [_text(value) for value in values]
            while row and not row[-1]:
                row.pop()
            if not row:
                blank_run += 1
                if blank_run >= MAX_BLANK_RUN:
                    if next(iterator, None) is not None:
                        sheet.notes.append(f"第 {len(sheet.rows) + 2 - blank_run} 行起连续 {MAX_BLANK_RUN} 行为空，"
                                           "其后的行没有读取")
                    break
                sheet.rows.append(row)
                continue
            blank_run = 0
            self.filled += 1
            if self.filled > MAX_ROWS:
                raise TooBig(f"表格中有内容的行超过 {MAX_ROWS} 行")
            sheet.rows.append(row[:MAX_COLUMNS])
        while sheet.rows and not sheet.rows[-1]:
            sheet.rows.pop()
        return sheet


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "对" if value else "错"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: FsPath, file: str) -> list[Sheet]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as archive:
            _check_zip(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _Unreadable(f"无法读取 Excel 文件（{type(error).__name__}）：请确认是 .xlsx 格式") from None
    rows = _Rows()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles other tools leave behind
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                sheets = []
                for sheet in book.worksheets:
                    if not hasattr(sheet, "iter_rows"):  # a chart sheet
                        continue
                    sheet.reset_dimensions()  # a declared A1:XFD1048576 must not pad every row
                    sheets.append(rows.take(sheet.title, sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)))
            finally:
                book.close()
    except TooBig:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError,
            zipfile.BadZipFile, InvalidFileException, SyntaxError) as error:  # lxml's XMLSyntaxError is a SyntaxError
        raise _Unreadable(f"无法读取 Excel 文件（{type(error).__name__}）：请确认是 .xlsx 格式") from None
    return sheets


def _check_zip(archive: zipfile.ZipFile) -> None:
    """Refuse by the declared sizes before anything is inflated (zipfile never reads past them)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise TooBig(f"Excel 文件内含 {len(members)} 个部件，超过上限 {MAX_MEMBERS} 个")
    total = 0
    for member in members:
        if member.filename.startswith("xl/media/"):
            continue  # pictures are never read
        if member.file_size > MAX_INFLATED_MEMBER:
            raise TooBig(f"Excel 文件的部件 {member.filename} 解压后有 {member.file_size // 1024 // 1024} MB，"
                         f"超过上限 {MAX_INFLATED_MEMBER // 1024 // 1024} MB")
        total += member.file_size
    if total > MAX_INFLATED_TOTAL:
        raise TooBig(f"Excel 文件解压后有 {total // 1024 // 1024} MB，超过上限 {MAX_INFLATED_TOTAL // 1024 // 1024} MB")


def _read_xls(path: FsPath, file: str) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, ValueError, IndexError, KeyError, AssertionError,
            struct.error, UnicodeDecodeError) as error:
        raise _Unreadable(f"无法读取 Excel 文件（{type(error).__name__}）：请确认是 .xls 格式，"
                          "或在 Excel/WPS 中另存为 .xlsx") from None
    rows = _Rows()
    try:
        sheets = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            sheets.append(rows.take(sheet.name, (_xls_row(book, sheet, n) for n in range(sheet.nrows))))
            book.unload_sheet(index)
        return sheets
    finally:
        book.release_resources()


def _xls_row(book: Any, sheet: Any, number: int) -> list[Any]:
    import xlrd

    values = []
    for cell in sheet.row_slice(number, 0, min(sheet.ncols, MAX_COLUMNS)):
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                values.append(cell.value)
        elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
            values.append(bool(cell.value))
        elif cell.ctype == xlrd.XL_CELL_ERROR:
            values.append("")
        else:
            values.append(cell.value)
    return values


ENCODINGS = ("utf-8", "gb18030")


def _read_csv(path: FsPath, file: str) -> Sheet:
    raw = path.read_bytes()
    text = _decode(raw)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","  # Excel's "Unicode text" is tab-separated
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _Rows().take(path.stem, rows)
    except csv.Error as error:
        raise _Unreadable(f"CSV 格式错误：{error}") from None


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or the NULs Excel's 'Unicode text' leaves), else GB18030."""
    boms = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, encoding in boms:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise _Unreadable(f"文件开头标明是 {encoding.upper()} 编码，但内容不是："
                                  "请重新保存为 UTF-8 的 CSV") from None
    sample = raw[:4096]
    if 0 in sample:  # no GBK or UTF-8 text holds NUL: UTF-16 without a BOM (its commas, tabs, line ends)
        encoding = "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _Unreadable("无法识别文件编码：请以 UTF-8 或 GB18030（GBK）保存 CSV")
