"""No file of a built site, nor of its offline copy (folder and .zip), holds the key of a trainer-graded
bank in readable form: only sealed, for the trainer to release with the unlock code."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import build_project
from exam_support import BANK_ID, exam_bank, make_project

from generator.engines.mkdocs.offline import build_offline
from generator.grading.secret import load_secret
from generator.grading.unlock import unlock_code, unseal

EXPLAIN = "考试解析标记甲"
BLANK = "填空答案标记乙"


def _marked_bank() -> dict:
    bank = exam_bank()
    for k, q in enumerate(bank["questions"]):
        q["explain"] = f"{EXPLAIN}{k}"
        if q["type"] == "blank":
            q["answer"] = [[f"{BLANK}{k}", "另一个可接受标记丙"]]
    return bank


def _texts(site: Path) -> dict[Path, str]:
    out = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix not in (".zip", ".png", ".woff2", ".woff", ".ico", ".gz"):
            out[path] = path.read_bytes().decode("utf-8", errors="replace")
    return out


def _escaped(text: str) -> str:
    return json.dumps(text)[1:-1]  # how a JSON file with ASCII escapes would spell it


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    tmp = tmp_path_factory.mktemp("exam-site")
    root = make_project(tmp, _marked_bank())
    online = build_project(root, tmp / "site")
    offline, _ = build_offline(root / "mkdocs.yml", folder=str(tmp / "offline"))
    return [online, offline]


def test_no_answer_or_explanation_in_any_file(sites: list[Path]) -> None:
    for site in sites:
        texts = _texts(site)
        assert any(BANK_ID in text for text in texts.values())  # the exam is on the site
        for path, text in texts.items():
            for marker in (EXPLAIN, BLANK, "另一个可接受标记丙"):
                assert marker not in text and _escaped(marker) not in text, (path, marker)


def test_the_offline_zip_holds_no_answer_or_explanation(sites: list[Path]) -> None:
    archive = sites[1].with_name(sites[1].name + ".zip")
    with zipfile.ZipFile(archive) as zipped:
        texts = {name: zipped.read(name).decode("utf-8", errors="replace") for name in zipped.namelist()}
    assert any(BANK_ID in text for text in texts.values())
    for name, text in texts.items():
        for marker in (EXPLAIN, BLANK, "另一个可接受标记丙"):
            assert marker not in text and _escaped(marker) not in text, (name, marker)


def _page_bank(site: Path) -> dict:
    page = site / "quizzes" / BANK_ID / "index.html"
    page = page if page.exists() else site / "quizzes" / f"{BANK_ID}.html"
    data = re.search(r'<script type="application/json" class="lx-bank-data">(.*?)</script>',
                     page.read_text(encoding="utf-8"), re.DOTALL)
    assert data is not None
    return json.loads(data.group(1))


def test_the_key_is_there_only_sealed_and_the_unlock_code_opens_it(sites: list[Path]) -> None:
    root = sites[0].parent / "proj"  # make_project's folder beside the two sites
    secret = load_secret(root, create=False)
    assert secret is not None  # made by the first build
    for site in sites:
        bank = _page_bank(site)
        script = (site / "assets" / "lunxun" / "banks" / f"{BANK_ID}.js").read_text(encoding="utf-8")
        assert bank["sealed"]["box"] in script
        opened = unseal(bank["sealed"], unlock_code(secret, BANK_ID, bank["version"]), BANK_ID, bank["version"])
        assert opened is not None and f"{EXPLAIN}3".encode() in opened and f"{BLANK}3".encode() in opened
        other_code = unlock_code(bytes(32), BANK_ID, bank["version"])
        assert unseal(bank["sealed"], other_code, BANK_ID, bank["version"]) is None


def test_the_exam_bank_json_has_no_key_fields(sites: list[Path]) -> None:
    for site in sites:
        page = (site / "quizzes" / BANK_ID / "index.html")
        page = page if page.exists() else site / "quizzes" / f"{BANK_ID}.html"
        data = re.search(r'<script type="application/json" class="lx-bank-data">(.*?)</script>',
                         page.read_text(encoding="utf-8"), re.DOTALL)
        assert data is not None
        bank = json.loads(data.group(1))
        assert bank["grading"] == "trainer"
        for q in bank["questions"]:
            assert not {"answer", "explain"} & set(q), q["id"]
        script = (site / "assets" / "lunxun" / "banks" / f"{BANK_ID}.js").read_text(encoding="utf-8")
        assert '"answer"' not in script and '"explain"' not in script


def test_the_exam_is_not_in_daily_practice(sites: list[Path]) -> None:
    for site in sites:
        daily = next(p for p in site.rglob("*.html") if "meiri" in str(p)).read_text(encoding="utf-8")
        data = json.loads(re.search(r'class="lx-daily-data">(.*?)</script>', daily, re.DOTALL).group(1))
        assert BANK_ID not in data["banks"] and "tingqing-lianxi" in data["banks"]
