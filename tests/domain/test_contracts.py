"""The contract-expiry window: which contracts the list flags as ending soon or ended."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hqdesk.domain.contracts import CONTRACT_WARNING_DAYS, contract_warning
from hqdesk.domain.franchisee import LifecycleStatus

TODAY = date(2026, 3, 1)
ACTIVE, TERMINATED = LifecycleStatus.ACTIVE, LifecycleStatus.TERMINATED


@pytest.mark.parametrize(
    ("days", "status", "archived", "warning"),
    [
        (30, ACTIVE, False, 30),  # ends soon
        (0, ACTIVE, False, 0),  # ends today
        (CONTRACT_WARNING_DAYS, ACTIVE, False, CONTRACT_WARNING_DAYS),  # the edge of the window
        (CONTRACT_WARNING_DAYS + 1, ACTIVE, False, None),  # far enough away
        (-19, ACTIVE, False, -19),  # ended while the business goes on: the most urgent
        (-1, LifecycleStatus.SUSPENDED, False, -1),
        (-300, TERMINATED, False, None),  # ended with the relationship
        (10, ACTIVE, True, None),  # archived: nobody renews those
    ],
)
def test_contract_warning(days, status, archived, warning):
    assert contract_warning(TODAY + timedelta(days=days), status, archived, TODAY) == warning


def test_no_contract_end_no_warning():
    assert contract_warning(None, ACTIVE, False, TODAY) is None
    assert CONTRACT_WARNING_DAYS == 90
