"""Where the tests' own files are, for test modules in any folder under tests/ (tests/ is on the
import path: pyproject.toml's pytest ``pythonpath``)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
