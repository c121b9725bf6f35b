"""Trainees' results: decoding the result codes the quiz pages hand out."""

from __future__ import annotations

from .code import InvalidCode, ResultCode, decode_result_code, encode_result_code, find_codes

__all__ = ["InvalidCode", "ResultCode", "decode_result_code", "encode_result_code", "find_codes"]
