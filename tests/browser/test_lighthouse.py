"""Lighthouse (mobile emulation) on the shipped site: accessibility and best practices ≥ 95 on
every page and quiz state that ``benchmarks/lighthouse.py`` audits (`make audit` prints the table)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "lighthouse.py"

pytestmark = pytest.mark.audit


def _audit_module():
    spec = importlib.util.spec_from_file_location("lunxun_lighthouse", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lighthouse_bars(shipped_site: Path) -> None:
    audit = _audit_module()
    try:
        results = audit.run(shipped_site)
    except audit.AuditError as error:
        pytest.fail(str(error))
    print(audit.table(results))
    problems = audit.shortfalls(results)
    assert not problems, "\n".join(problems)
