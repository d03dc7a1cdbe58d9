"""Every test embedded in the shipped rules/ runs through the real pipeline.

Needs `factcheck.check_texts` (the pipeline); until it lands these fail with its ImportError.
"""
from __future__ import annotations

import pytest

from factcheck.rules import load_rules, run_rule_test

RULES = load_rules().with_all_enabled()
CASES = [(rule, test) for rule in RULES for test in rule.tests]


@pytest.mark.parametrize(
    ("rule", "test"), CASES, ids=[f"{rule.id}::{test['name']}" for rule, test in CASES]
)
def test_embedded_rule_test(rule, test) -> None:  # type: ignore[no-untyped-def]
    from factcheck import check_texts

    result = run_rule_test(rule, test, RULES, check_texts)
    assert result.passed, "\n" + result.render()


def test_there_are_embedded_tests() -> None:
    assert len(CASES) >= 2 * len(RULES)
