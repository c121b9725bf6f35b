"""The QR code table (tests/data/qr_cases.json) that tests/js/qr.test.js checks the engine's
encoder (quiz/55-qr.js) against.

Every symbol in it is written by the original library the encoder was trimmed from (Project
Nayuki's qrcodegen, its Python version, level M, alphanumeric mode) and read back by an
independent decoder (zxing-cpp). Regenerate with ``.venv/bin/python tests/assets/test_qr_cases.py``.
"""

from __future__ import annotations

import json
import random
from typing import Any

from paths import TESTS
from qr_support import read_modules
from qrcodegen import QrCode, QrSegment

TABLE = TESTS / "data" / "qr_cases.json"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _texts() -> list[str]:
    """Result codes of many lengths (versions 1 to 29: format and version bits, several blocks,
    all three widths of the length field) and the other alphanumeric characters."""
    pick = random.Random(13)
    codes = ["LX2" + "".join(pick.choice(CROCKFORD) for _ in range(n))
             for n in (1, 10, 22, 40, 60, 97, 130, 160, 197, 230, 300, 420, 640, 1000, 1500, 1800)]
    return [*codes, "", "0", "HELLO WORLD", "$%*+-./: 0123456789"]


def reference(text: str) -> dict[str, Any]:
    symbol = QrCode.encode_segments([QrSegment.make_alphanumeric(text)], QrCode.Ecc.MEDIUM, boostecl=False)
    size = symbol.get_size()
    rows = ["".join("1" if symbol.get_module(x, y) else "0" for x in range(size)) for y in range(size)]
    return {"text": text, "version": symbol.get_version(), "mask": symbol.get_mask(), "rows": rows}


def test_the_table_is_what_the_original_library_writes() -> None:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    assert table["cases"] == [reference(text) for text in _texts()]
    versions = {case["version"] for case in table["cases"]}
    assert versions >= {1, 2, 7, 10} and max(versions) >= 27  # the edges where the layout or the length field change
    assert len({case["mask"] for case in table["cases"]}) >= 6


def test_every_symbol_in_the_table_scans() -> None:
    for case in json.loads(TABLE.read_text(encoding="utf-8"))["cases"]:
        if case["text"]:  # zxing-cpp reports no symbol for an empty text
            assert read_modules(case["rows"]) == [case["text"]], case["text"][:20]


if __name__ == "__main__":
    TABLE.write_text(json.dumps({"about": "written by tests/assets/test_qr_cases.py with qrcodegen (Project Nayuki)",
                                 "cases": [reference(text) for text in _texts()]}, indent=1) + "\n", encoding="utf-8")
