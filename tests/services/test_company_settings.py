import pytest

from hqdesk.domain.errors import ConflictError, PermissionDenied
from hqdesk.domain.roles import Role


def test_a_setting_round_trips_with_its_version(services, admin):
    assert services.settings.get_versioned("calendar.renewal_lead_days", "60") == ("60", None)
    version = services.settings.put(admin, "calendar.renewal_lead_days", "45", None)
    assert services.settings.get_versioned("calendar.renewal_lead_days") == ("45", version)
    assert services.settings.get_int("calendar.renewal_lead_days", 60) == 45
    services.settings.put(admin, "calendar.renewal_lead_days", "30", version)
    assert services.settings.get("calendar.renewal_lead_days") == "30"


def test_another_users_change_in_between_is_a_conflict(services, admin):
    services.settings.put(admin, "k", "first", None)
    with pytest.raises(ConflictError):
        services.settings.put(admin, "k", "second", None)  # based on "never set"
    assert services.settings.get("k") == "first"


def test_a_viewer_may_not_change_settings(services, admin):
    viewer = services.users.create_user(admin, "viewer1", "V", Role.VIEWER, "password-1")
    with pytest.raises(PermissionDenied):
        services.settings.put(services.users.actor(viewer.username), "k", "x", None)
    assert services.settings.get("k", "none") == "none"


def test_several_settings_are_written_all_or_none(services, admin):
    """put_many: one transaction; one key changed by another user since it was read refuses every key."""
    got = services.settings.get_many(["a", "b"])
    assert got == {"a": ("", None), "b": ("", None)}
    after = services.settings.put_many(admin, {"a": "1", "b": "2"}, {"a": None, "b": None})
    assert {k: v[0] for k, v in after.items()} == {"a": "1", "b": "2"}
    services.settings.put(admin, "b", "theirs", after["b"][1])
    with pytest.raises(ConflictError) as refused:
        services.settings.put_many(admin, {"a": "10", "b": "20"}, {"a": after["a"][1], "b": after["b"][1]})
    assert refused.value.changes == {"b": ("theirs", "20")}
    assert services.settings.get("a") == "1" and services.settings.get("b") == "theirs"


def test_letter_settings_are_validated_and_only_administrators_save_them(services, admin):
    from hqdesk.domain.errors import ValidationError

    shown = services.letters.letter_settings()
    versions = {k: v[1] for k, v in shown.items()}
    with pytest.raises(ValidationError) as bad:
        services.letters.save_letter_settings(admin, {"bank_account": "1234"}, versions)
    assert {e.field for e in bad.value.errors} == {"bank_account", "bank_name"}
    with pytest.raises(ValidationError):
        services.letters.save_letter_settings(admin, {"name_en": "x" * 201}, versions)
    manager = services.users.create_user(admin, "am1", "A", Role.ACCOUNT_MANAGER, "password-1")
    with pytest.raises(PermissionDenied):
        services.letters.save_letter_settings(
            services.users.actor(manager.username), {"name_en": "Mine"}, versions
        )
    saved = services.letters.save_letter_settings(
        admin, {"bank_name": "中国银行", "bank_account": "6217-0000-1234-5678"}, versions
    )
    assert saved["bank_account"][0] == "6217-0000-1234-5678" and saved["name_en"] == shown["name_en"]
