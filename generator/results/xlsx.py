"""A streaming XLSX writer for the grade sheet: plain values, a bold frozen header, sized columns.

openpyxl builds an object and an lxml element for every cell: a 100,000-row sheet took a
quarter of `lunxun results`. This writes the same SpreadsheetML as text. Every string is an
inline string (``t="inlineStr"``, as openpyxl's write-only mode writes them), so no text a
trainee typed can become a formula, whatever it starts with.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER_FILL = "F2DCDB"
# Characters XML 1.0 cannot hold (controls, lone surrogates from undecodable file names, U+FFFE/F)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHUNK = 2000  # rows per write to the zip stream


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list[Any]]
    widths: list[float]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_workbook(path: FsPath, sheets: list[Sheet], tick: Callable[[], None] | None = None) -> None:
    """The workbook at ``path``; ``tick`` is called after each row of the first sheet."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _content_types(len(sheets)))
        book.writestr("_rels/.rels", _package_rels())
        book.writestr("xl/workbook.xml", _workbook(sheets))
        book.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        book.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(sheets, start=1):
            with book.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as stream:
                for part in _sheet_xml(sheet, tick if number == 1 else None):
                    stream.write(part.encode("utf-8"))


def _sheet_xml(sheet: Sheet, tick: Callable[[], None] | None) -> Iterable[str]:
    letters = [column_letter(k) for k in range(len(sheet.header))]
    cols = "".join(f'<col min="{k}" max="{k}" width="{width:g}" customWidth="1"/>'
                   for k, width in enumerate(sheet.widths, start=1))
    yield (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
           '<sheetViews><sheetView workbookViewId="0">'
           '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
           '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
           f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>')
    yield _row(1, letters, sheet.header, ' s="1"')
    chunk: list[str] = []
    for number, row in enumerate(sheet.rows, start=2):
        chunk.append(_row(number, letters, row, ""))
        if tick is not None:
            tick()
        if len(chunk) == _CHUNK:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)
    yield "</sheetData></worksheet>"


def _row(number: int, letters: list[str], values: list[Any], style: str) -> str:
    cells = []
    for letter, value in zip(letters, values):
        kind = type(value)
        if value is None or value == "":
            continue  # an empty cell is no cell, as openpyxl leaves it
        if kind is int or (kind is float and math.isfinite(value)):
            cells.append(f'<c r="{letter}{number}"{style}><v>{value!r}</v></c>')
        elif kind is bool:
            cells.append(f'<c r="{letter}{number}"{style} t="b"><v>{int(value)}</v></c>')
        else:
            text = _ILLEGAL.sub("", str(value))
            if not text:
                continue
            space = ' xml:space="preserve"' if text != text.strip() else ""
            cells.append(f'<c r="{letter}{number}"{style} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for k in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f'{sheets}</Types>')


def _package_rels() -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>')


def _workbook(sheets: list[Sheet]) -> str:
    entries = "".join(f'<sheet name="{escape(_ILLEGAL.sub("", sheet.title), {chr(34): "&quot;"})}" '
                      f'sheetId="{k}" r:id="rId{k}"/>' for k, sheet in enumerate(sheets, start=1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><bookViews><workbookView/></bookViews>'
            f'<sheets>{entries}</sheets></workbook>')


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{k}" Type="{RELS}/worksheet" Target="worksheets/sheet{k}.xml"/>'
                     for k in range(1, count + 1))
    styles = f'<Relationship Id="rId{count + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}">{sheets}{styles}</Relationships>')


# Style 0: the default; style 1: the header (bold, filled, centred).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    f'<fill><patternFill patternType="solid"><fgColor rgb="FF{HEADER_FILL}"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment horizontal="center"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)
