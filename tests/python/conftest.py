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


def example_histories_of(rules_id):
    """Every NAME.jsonl (not NAME.expected.jsonl) of a rule set, sorted by name: the shipped ones
    (rules/<id>/examples/) and the test-only ones (tests/engine/examples/<id>/, for NIR-shaped ids,
    which never ship). The C++ side is tests/engine/example_files.hpp."""
    dirs = [ROOT / "rules" / rules_id / "examples", ROOT / "tests" / "engine" / "examples" / rules_id]
    found = [p for d in dirs for p in d.glob("*.jsonl") if ".expected." not in p.name]
    return sorted(found, key=lambda p: p.name)


@pytest.fixture
def example_histories():
    return example_histories_of
