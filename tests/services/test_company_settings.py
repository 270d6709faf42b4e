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
