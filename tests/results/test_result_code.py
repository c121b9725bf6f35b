"""Result codes: decoding, rejection of damaged codes, and finding codes in chat text."""

from __future__ import annotations

import base64
import json
import zlib
from datetime import UTC, datetime

import pytest

from generator.results import (
    InvalidCode,
    ResultCode,
    decode_result_code,
    encode_result_code,
    find_codes,
)

PAYLOAD = {
    "v": 1, "b": "liuchixiang-jichu", "bv": "0123456789ab", "s": 4_000_000_000,
    "n": "张三", "u": "红旗村党支部", "i": "A-07",
    "q": ["q1", "q2", "case", "case-a", "case-b", "q5", "q6", "q7"],
    "a": {"q1": "B", "q2": "ACD", "case-a": 1, "case-b": ["情", "理"], "q5": [2, 0, 1], "q6": [1, None, 0]},
    "r": {"q1": 1, "q2": 0, "case-a": 1, "case-b": 1, "q5": 0, "q6": 0, "q7": 0},
    "p": 3, "m": 7, "sc": 42.9, "ok": 0, "t": 754, "f": 1_788_000_000,
}


def _code(data: object) -> str:
    """Encode anything, even a payload the engine would never write."""
    text = json.dumps(data, ensure_ascii=False).encode()
    body = base64.urlsafe_b64encode(text).decode().rstrip("=")
    return f"LX1.{body}.{zlib.crc32(body.encode()) & 0xFFFFFFFF:08x}"


def test_round_trip_keeps_every_field() -> None:
    code = encode_result_code(PAYLOAD)
    result = decode_result_code(code)
    assert result.payload() == PAYLOAD
    assert result.text == code
    assert encode_result_code(result) == code
    assert (result.name, result.unit, result.trainee_id) == ("张三", "红旗村党支部", "A-07")
    assert result.bank == "liuchixiang-jichu" and result.seed == 4_000_000_000
    assert result.answers["case-b"] == ["情", "理"] and result.answers["q6"] == [1, None, 0]
    assert result.correct["q1"] is True and result.correct["q2"] is False
    assert result.passed is False and result.score == 42.9 and result.seconds == 754
    assert result.finished_at == datetime.fromtimestamp(1_788_000_000, tz=UTC)


def test_code_format_is_prefix_base64url_and_crc() -> None:
    code = encode_result_code(PAYLOAD)
    prefix, body, crc = code.split(".")
    assert prefix == "LX1" and "=" not in body and set(body) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )
    assert crc == f"{zlib.crc32(body.encode('ascii')) & 0xFFFFFFFF:08x}"


def test_wrapped_code_with_spaces_and_zero_width_characters_decodes() -> None:
    code = encode_result_code(PAYLOAD)
    messy = " " + code[:30] + "\n" + code[30:60] + " \u200b" + code[60:] + "\n"
    assert decode_result_code(messy).payload() == PAYLOAD


def test_result_code_is_comparable_by_content() -> None:
    first = decode_result_code(encode_result_code(PAYLOAD))
    second = decode_result_code(" " + encode_result_code(PAYLOAD))
    assert first == second and isinstance(first, ResultCode)


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda code: "hello", "不是成绩码"),
        (lambda code: code[:-3], "不完整"),
        (lambda code: code[: len(code) // 2], "不完整"),
        (lambda code: code.rsplit(".", 1)[0], "不完整"),
        (lambda code: code[:10] + ("A" if code[10] != "A" else "B") + code[11:], "校验码不符"),
        (lambda code: code[:-8] + "00000000", "校验码不符"),
        (lambda code: code + "！", "不完整"),
    ],
)
def test_tampered_and_truncated_codes_are_refused(mangle, reason: str) -> None:
    with pytest.raises(InvalidCode, match=reason):
        decode_result_code(mangle(encode_result_code(PAYLOAD)))


def test_bad_base64_and_bad_json_are_refused() -> None:
    body = "A"  # one base64 character cannot be decoded
    with pytest.raises(InvalidCode, match="无法解码"):
        decode_result_code(f"LX1.{body}.{zlib.crc32(body.encode()) & 0xFFFFFFFF:08x}")
    body = base64.urlsafe_b64encode(b"{not json").decode().rstrip("=")
    with pytest.raises(InvalidCode, match="无法解码"):
        decode_result_code(f"LX1.{body}.{zlib.crc32(body.encode()) & 0xFFFFFFFF:08x}")
    with pytest.raises(InvalidCode, match="不是一个对象"):
        decode_result_code(_code([1, 2]))


def test_other_versions_missing_fields_and_wrong_types_are_refused() -> None:
    with pytest.raises(InvalidCode, match="版本 2 不受支持"):
        decode_result_code(_code(PAYLOAD | {"v": 2}))
    with pytest.raises(InvalidCode, match=r"缺少字段：n（姓名）、sc（百分制成绩）"):
        decode_result_code(_code({k: v for k, v in PAYLOAD.items() if k not in ("n", "sc")}))
    with pytest.raises(InvalidCode, match=r"字段 q（题目）的类型不对"):
        decode_result_code(_code(PAYLOAD | {"q": "q1"}))
    with pytest.raises(InvalidCode, match=r"字段 s（随机种子）的类型不对"):
        decode_result_code(_code(PAYLOAD | {"s": True}))
    with pytest.raises(InvalidCode, match=r"r（对错）的值应为 1 或 0"):
        decode_result_code(_code(PAYLOAD | {"r": {"q1": 2}}))


def test_find_codes_in_messy_chat_text() -> None:
    one = encode_result_code(PAYLOAD)
    two = encode_result_code(PAYLOAD | {"n": "李四", "u": "东风社区"})
    three = encode_result_code(PAYLOAD | {"n": "王五"})
    chat = (
        "培训群 2026-09-03\n"
        f"张三：{one}\n"
        "李四:\n"
        f"“{two[:40]}\n{two[40:80]} {two[80:]}”\n"
        "[图片]\n"
        f"王五 10:42\n「{three}」谢谢老师！\n"
        f"赵六：我的是 {one[:25]}\n"  # cut short in the chat
        f"{two}{three}\n"  # two codes pasted without a break
    )
    found = find_codes(chat)
    assert [line for line, _ in found] == [2, 4, 8, 9, 10, 10]
    assert [text for _, text in found] == [one, two, three, one[:25], two, three]
    for _, text in found[:3] + found[4:]:
        decode_result_code(text)
    with pytest.raises(InvalidCode, match="不完整"):
        decode_result_code(found[3][1])


def test_find_codes_returns_nothing_without_codes() -> None:
    assert find_codes("老师好，我考完了\nLX 1 不是成绩码") == []


def test_find_codes_stops_a_cut_code_at_the_next_one() -> None:
    whole = encode_result_code(PAYLOAD)
    found = find_codes(f"{whole[:20]}\n{whole}")
    assert found == [(1, whole[:20]), (2, whole)]
