"""Finding codes in chat text and reading files in the encodings trainers' computers save."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st
from paths import TESTS
from results_support import code

from generator.loading.project import Layout
from generator.results.banks import load_banks
from generator.results.code import PREFIX, _read_code, find_codes
from generator.results.collect import Collection, decode_all, find_all, read_input
from generator.results.regrade import Context

CODES = [code(name) for name in ("张三", "李四", "王五")]
NOISE = st.sampled_from(["", "张三：", "“", "”", "[10:01] 李四: ", " ", "\n", "\r\n", "\n\n", "收到", "LX1.", "."])


@st.composite
def chat(draw) -> str:
    """Codes whole, cut short or broken by spaces, zero-width characters and line breaks."""
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        text = draw(st.sampled_from(CODES))
        cut = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["whole", "short", "break"]))
        if how == "short":
            text = text[:cut]
        elif how == "break":
            text = text[:cut] + draw(st.sampled_from(["\n", " ", "\u200b", "\n  ", "\r\n"])) + text[cut:]
        parts += [draw(NOISE), text, draw(NOISE)]
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(chat())
def test_fast_path_finds_what_reading_char_by_char_finds(text: str) -> None:
    slow, start = [], text.find(PREFIX)
    while start >= 0:
        code, end = _read_code(text, start)
        slow.append((text.count("\n", 0, start) + 1, code))
        start = text.find(PREFIX, max(end, start + len(PREFIX)))
    assert find_codes(text) == slow


def test_whole_codes_on_many_lines() -> None:
    text = "\n".join(f"学员{n}：{CODES[n % 3]}" for n in range(1000))
    assert find_codes(text) == [(n + 1, CODES[n % 3]) for n in range(1000)]


def test_utf16_and_utf8_with_bom_are_read(tmp_path) -> None:
    for name, encoding, bom in (("u16.txt", "utf-16-le", codecs.BOM_UTF16_LE), ("u8.txt", "utf-8", codecs.BOM_UTF8)):
        (tmp_path / name).write_bytes(bom + f"张三：{CODES[0]}\n".encode(encoding))
        text, notes = read_input(str(tmp_path / name))
        assert notes == [] and text is not None and CODES[0] in text


def test_a_folder_is_named_not_read(tmp_path) -> None:
    assert read_input(str(tmp_path)) == (None, [f"{tmp_path}: 这是一个文件夹，请给出其中的文件，已跳过"])


def test_the_same_code_pasted_twice_counts_once(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{CODES[0]}\n{CODES[0]}\n{CODES[1]}\n", encoding="utf-8")
    collection = Collection()
    sample = TESTS / "projects" / "sample"
    decode_all(find_all([str(path)], collection), collection, Context(load_banks(sample, Layout())[0]))
    assert (collection.found, collection.valid, collection.repeated, collection.retakes) == (3, 3, 1, 0)
    assert [attempt.line for attempt in collection.kept("latest")] == [1, 3]
