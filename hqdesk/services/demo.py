"""Moved to the package ``hqdesk.demo``; this name stays for the callers until they move."""

from hqdesk.demo import (
    ACCOUNT_MANAGERS,
    DEMO_USERS,
    DemoOptionError,
    DemoRefused,
    DemoRefusedUsers,
    build_demo_data,
    generate_demo,
    load_pools,
)

__all__ = [
    "generate_demo",
    "build_demo_data",
    "DemoRefused",
    "DemoRefusedUsers",
    "DemoOptionError",
    "DEMO_USERS",
    "ACCOUNT_MANAGERS",
    "load_pools",
]
