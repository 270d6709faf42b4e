"""The credit tables' audit entries read in words in the franchisee's History, on both databases' trails."""

from decimal import Decimal

import hqdesk.ui.views.profile.page_tabs  # noqa: F401  (registers the credit labels, as the profile does)
from hqdesk.ui.models.history import field_label, format_value


def test_credit_fields_have_labels_and_values_in_words():
    assert field_label("credit_profiles", "term_kind") == "Settlement term"
    assert format_value("credit_profiles", "term_kind", "quarterly") == "Quarterly settlement"
    assert format_value("ledger_documents", "kind", "write_off") == "Write-off"
    assert format_value("dunning_tasks", "action", "credit_hold") == "Credit hold"
    assert format_value("credit_profiles", "on_hold", True) == "Yes"


def test_ledger_money_from_either_trail_and_rates_as_percentages():
    # PostgreSQL's trigger keeps the BIGINT cents; SQLite's writer the amount as text
    pg = format_value("ledger_documents", "amount", 123456)
    sqlite = format_value("ledger_documents", "amount", "1234.56")
    assert pg == sqlite and "1,234.56" in pg
    assert format_value("credit_profiles", "credit_limit", str(Decimal("500000.00"))) == format_value(
        "credit_profiles", "credit_limit", 50000000
    )
    assert format_value("credit_profiles", "expected_loss_rate", "0.025000") == "2.5 %"
    assert format_value("credit_profiles", "next_review_on", "2027-01-31") != "2027-01-31"
