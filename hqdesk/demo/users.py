"""The demo users: fixed, because the README tells people how to sign in to the demo."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hqdesk.demo.base import DEMO_USERNAME
from hqdesk.domain.franchisee import DEFAULT_TIERS
from hqdesk.domain.roles import Role
from hqdesk.persistence.models import Tier, User


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    password: str


DEMO_USERS = (
    DemoUser("admin", "系统管理员", Role.ADMIN, "demo-admin"),
    DemoUser("credit", "钱会计", Role.CREDIT_MANAGER, "demo-credit"),
    DemoUser("zhang", "张伟", Role.ACCOUNT_MANAGER, "demo-zhang"),
    DemoUser("li", "李娜", Role.ACCOUNT_MANAGER, "demo-li"),
    DemoUser("wang", "王强", Role.ACCOUNT_MANAGER, "demo-wang"),
    DemoUser("viewer", "赵敏", Role.VIEWER, "demo-viewer"),
)
"""Fixed, because the README tells people how to sign in to the demo."""

ACCOUNT_MANAGERS = ("zhang", "li", "wang")


def add_users(s: Session, hashes: dict[str, str]) -> dict[str, int]:
    """Add the demo users (the database has none) and any missing default tier; username -> id."""
    for u in DEMO_USERS:
        s.add(
            User(
                username=u.username,
                display_name=u.display_name,
                role=u.role.value,
                password_hash=hashes[u.username],
                email=f"{u.username}@jinxiang.example.com",
                updated_by=DEMO_USERNAME,
            )
        )
    tiers = set(s.scalars(select(Tier.code)))
    for order, code in enumerate(DEFAULT_TIERS):
        if code not in tiers:
            s.add(Tier(code=code, name=code, sort_order=order, updated_by=DEMO_USERNAME))
    s.flush()
    return {name: uid for name, uid in s.execute(select(User.username, User.id))}


__all__ = ["DemoUser", "DEMO_USERS", "ACCOUNT_MANAGERS", "add_users"]
