"""Shared fixtures of the Python module tests (run by ctest with PYTHONPATH at the built module)."""
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def root():
    return ROOT


@pytest.fixture
def gdpr():
    import echeance

    return echeance.Rules(str(ROOT / "rules" / "gdpr-requests"))
