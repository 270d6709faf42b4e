import pytest

from hqdesk.domain.credit import DEFAULT_AGING_BOUNDS, TermKind, bucket_labels, parse_bounds


def test_default_bucket_labels_are_the_cli_keys_in_order():
    assert bucket_labels(DEFAULT_AGING_BOUNDS) == [
        "not_due",
        "1-30",
        "31-60",
        "61-90",
        "91-180",
        "181-365",
        ">365",
    ]


def test_custom_bounds_give_their_labels():
    assert bucket_labels(parse_bounds("30, 60,90,120")) == [
        "not_due",
        "1-30",
        "31-60",
        "61-90",
        "91-120",
        ">120",
    ]


@pytest.mark.parametrize("text", ["", "30,,60", "60,30", "0,30", "30,30", "-5,10", "1.5", "a", "30,40000"])
def test_bad_bounds_are_refused(text):
    with pytest.raises(ValueError):
        parse_bounds(text)


def test_only_the_calendar_period_terms_are_period_end():
    assert {t for t in TermKind if t.period_end} == {
        TermKind.MONTHLY,
        TermKind.QUARTERLY,
        TermKind.HALF_YEARLY,
        TermKind.YEARLY,
    }
