"""Users, roles, passwords (argon2) and signing in.

On PostgreSQL with a personal login (a login in one of the hqdesk groups, named like its hqdesk user) the
services act only as that login's user: signing in, the demo sign-in and the command line's ``--as`` as
anybody else are refused (``LoginBoundToUser``). A role change or a deactivation follows to the login
(``pg_rights.sync_login``) in the same transaction.

One password per person: connected with a personal login, the connection itself proves who the user is, so
the app signs in as ``login_actor()`` without asking for the hqdesk password again. A password change in
the app changes the login's password in the same transaction as the hqdesk password (the user's own through
``ALTER ROLE CURRENT_USER``, an administrator's reset of someone else's through ``hqdesk_set_login_password``),
so the two never differ; if the server refuses, nothing is changed and the message says why.
``sign_in`` (the hqdesk password, read through ``hqdesk_password_hash``) stays for SQLite and the owner's
connection.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from hqdesk.domain.errors import AuthenticationFailed, FieldError, HqdeskError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.domain.text import text_problem
from hqdesk.persistence import pg_rights
from hqdesk.persistence.errors import RightsRefused, first_line
from hqdesk.persistence.models import Franchisee, User
from hqdesk.services.base import Service, conflict_error, raise_if_invalid
from hqdesk.services.dto import UserDTO, UserName
from hqdesk.services.errors import FirstAdminExists, LoginBoundToUser, UsernameTaken  # importable from here
from hqdesk.services.franchisee_bulk import manager_problem, reassign_rows

log = logging.getLogger(__name__)


class _LazyHasher:
    """argon2's PasswordHasher, imported when a password is first hashed or checked: not at start-up."""

    _real = None

    def __getattr__(self, name: str):
        if _LazyHasher._real is None:
            from argon2 import PasswordHasher

            _LazyHasher._real = PasswordHasher()
        return getattr(_LazyHasher._real, name)


_hasher = _LazyHasher()
USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")
MIN_PASSWORD = 8


def _user_conflict(s, user_id: int):
    """The ConflictError from the account as another admin left it."""
    now = s.get(User, user_id)
    if now is None:
        raise NotFound()
    return conflict_error(to_dto(now), {}, now)


def to_dto(user: User) -> UserDTO:
    return UserDTO(
        user.id, user.username, user.display_name, Role(user.role), user.active, user.email, user.version
    )


def actor_of(user: User | UserDTO) -> Actor:
    return Actor(user.id, user.username, user.display_name or user.username, Role(user.role))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _validate(
    username: str, display_name: str, password: str | None, role: str, email: str = ""
) -> list[FieldError]:
    errors = []
    if not USERNAME.match(username):
        errors.append(
            FieldError(
                "username", QT_TRANSLATE_NOOP("Validation", "2 to 64 letters, digits, '.', '-' or '_'.")
            )
        )
    if len(display_name) > 100:
        errors.append(
            FieldError(
                "display_name", QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), {"limit": 100}
            )
        )
    if password is not None and len(password) < MIN_PASSWORD:
        errors.append(
            FieldError(
                "password",
                QT_TRANSLATE_NOOP("Validation", "A password has at least {n} characters."),
                {"n": MIN_PASSWORD},
            )
        )
    for name, value in (("display_name", display_name), ("email", email), ("password", password or "")):
        if problem := text_problem(value):
            errors.append(FieldError(name, problem))
    if role not in {r.value for r in Role}:
        errors.append(FieldError("role", QT_TRANSLATE_NOOP("Validation", "Choose a role.")))
    return errors


_UNKNOWN = object()


class LoginPasswordNotChanged(HqdeskError):
    """The database server did not let this connection change the personal login's password."""

    context = "Errors"
    exit_code = 1
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The password was not changed: the database server did not let hqdesk change the password of the "
        "database login {name}, which must stay the same as the hqdesk password. Reset it with hqdesk "
        "connected as the owner of the tables (a role with CREATEROLE), or ask the database administrator.",
    )


class UserService(Service):
    _bound: object = _UNKNOWN

    def bound_login(self, s=None) -> str | None:
        """The user name this database connection is bound to (a personal PostgreSQL login), else None.
        A login does not change while the app runs: asked once."""
        if self._bound is _UNKNOWN:
            if s is None:
                with self.db.read() as fresh:
                    self._bound = pg_rights.bound_login(fresh)
            else:
                self._bound = pg_rights.bound_login(s)
        return self._bound  # type: ignore[return-value]

    def _refuse_other_user(self, s, username: str) -> str | None:
        bound = self.bound_login(s)
        if bound is not None and username != bound:
            raise LoginBoundToUser(login=bound, username=username)
        return bound

    def login_actor(self) -> Actor | None:
        """The actor of a personal login's user (the command line acts as it by default), else None."""
        bound = self.bound_login()
        return None if bound is None else self.actor(bound)

    def has_users(self) -> bool:
        with self.db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))

    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        """Only on a database without users: the first administrator."""
        raise_if_invalid(_validate(username, display_name, password, Role.ADMIN.value))
        with self.db.write(username) as s:
            if s.scalar(select(func.count()).select_from(User)):
                raise FirstAdminExists()
            user = User(
                username=username,
                display_name=display_name,
                password_hash=hash_password(password),
                role=Role.ADMIN.value,
                updated_by=username,
            )
            s.add(user)
            s.flush()
            first = actor_of(user)
            s.commit()
        return first

    def sign_in(self, username: str, password: str) -> Actor:
        from argon2.exceptions import InvalidHashError, VerificationError

        with self.db.read() as s:
            bound = self._refuse_other_user(s, username)
            user = s.scalar(select(User).where(User.username == username))
            if user is None or not user.active:
                _hasher.hash(password)  # same cost whether or not the user exists
                raise AuthenticationFailed()
            stored = pg_rights.password_hash_of_login(s, username) if bound else user.password_hash
            try:
                if stored is None:
                    raise InvalidHashError()
                _hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                raise AuthenticationFailed() from None
            return actor_of(user)

    def actor(self, username: str) -> Actor:
        """The actor for a known active user (the demo sign-in, the command line's --as)."""
        with self.db.read() as s:
            self._refuse_other_user(s, username)
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user is None:
                raise NotFound()
            return actor_of(user)

    def list_users(self, actor: Actor) -> list[UserDTO]:
        """Every account with its role, e-mail and state: for those who manage users."""
        self.require(actor, Action.MANAGE_USERS)
        with self.db.read() as s:
            return [to_dto(u) for u in s.scalars(select(User).order_by(User.username))]

    def names(self) -> list[UserName]:
        """Who is who, for showing names (history's "who", the account manager): no roles, no e-mail."""
        with self.db.read() as s:
            rows = s.execute(select(User.id, User.username, User.display_name).order_by(User.username))
            return [UserName(*row) for row in rows]

    def account_managers(self) -> list[UserDTO]:
        """Active users who can be assigned franchisees (account managers and admins)."""
        with self.db.read() as s:
            users = s.scalars(
                select(User)
                .where(User.active.is_(True), User.role.in_([Role.ACCOUNT_MANAGER.value, Role.ADMIN.value]))
                .order_by(User.display_name, User.username)
            )
            return [to_dto(u) for u in users]

    def create_user(
        self, actor: Actor, username: str, display_name: str, role: Role, password: str, email: str = ""
    ) -> UserDTO:
        raise_if_invalid(_validate(username, display_name, password, str(role), email))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.MANAGE_USERS, s=s)
            if s.scalar(select(User.id).where(User.username == username)):
                raise UsernameTaken(username=username)
            user = User(
                username=username,
                display_name=display_name,
                role=Role(role).value,
                email=email,
                password_hash=hash_password(password),
                updated_by=actor.username,
            )
            s.add(user)
            s.flush()
            dto = to_dto(user)
            s.commit()
        return dto

    def update_user(
        self,
        actor: Actor,
        user_id: int,
        version: int,
        *,
        display_name: str,
        role: Role,
        active: bool,
        email: str = "",
        hand_over_to: int | None = None,
    ) -> UserDTO:
        """Change an account. ``hand_over_to``: another active account manager (or admin) who takes over the
        franchisees this user manages, in the same transaction (deactivating or demoting an account manager).
        Without it their franchisees keep them as manager, shown as inactive, and stay editable. Archived
        franchisees are read only and keep their manager (on PostgreSQL the server refuses any change to
        them); whoever restores one chooses its manager then."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.MANAGE_USERS, s=s)
            user = s.get(User, user_id)
            if user is None:
                raise NotFound()
            raise_if_invalid(_validate(user.username, display_name, None, str(role), email))
            if user.version != version:
                raise conflict_error(to_dto(user), {}, user)
            if user.id == actor.user_id and (Role(role) != Role.ADMIN or not active):
                raise_if_invalid(
                    [
                        FieldError(
                            "role",
                            QT_TRANSLATE_NOOP(
                                "Validation", "You cannot remove your own administrator rights."
                            ),
                        )
                    ]
                )
            user.display_name, user.role, user.active, user.email = (
                display_name,
                Role(role).value,
                active,
                email,
            )
            user.updated_by = actor.username
            self.flush_or_conflict(s, lambda fresh: _user_conflict(fresh, user_id))
            pg_rights.sync_login(s, user.username)  # the login's group and LOGIN follow the user
            if hand_over_to is not None and hand_over_to != user_id:
                self._hand_over(s, actor, user_id, hand_over_to)
            dto = to_dto(user)
            s.commit()
        return dto

    @staticmethod
    def _hand_over(s, actor: Actor, from_id: int, to_id: int) -> None:
        problem = manager_problem(s, to_id)
        if problem is not None:
            raise_if_invalid([FieldError("hand_over_to", problem.message)])
        rows = s.scalars(
            select(Franchisee)
            .where(Franchisee.account_manager_id == from_id, Franchisee.archived.is_(False))
            .order_by(Franchisee.id)
        )
        reassign_rows(s, list(rows), to_id, actor.username)

    def managed_count(self, actor: Actor, user_id: int) -> int:
        """How many franchisees ``user_id`` manages that a hand-over would move (archived ones are read only and
        stay): whether to offer a hand-over."""
        with self.db.read() as s:
            self.require(actor, Action.MANAGE_USERS, s=s)
            return (
                s.scalar(
                    select(func.count())
                    .select_from(Franchisee)
                    .where(Franchisee.account_manager_id == user_id, Franchisee.archived.is_(False))
                )
                or 0
            )

    def set_password(self, actor: Actor, user_id: int, password: str) -> None:
        if problem := text_problem(password):  # a lone surrogate cannot be hashed (no UTF-8 for it)
            raise_if_invalid([FieldError("password", problem)])
        if len(password) < MIN_PASSWORD:
            raise_if_invalid(
                [
                    FieldError(
                        "password",
                        QT_TRANSLATE_NOOP("Validation", "A password has at least {n} characters."),
                        {"n": MIN_PASSWORD},
                    )
                ]
            )
        with self.db.write(actor.username) as s:
            if actor.user_id != user_id:
                self.require(actor, Action.MANAGE_USERS, s=s)
            else:
                self.current(actor, s)  # a disabled account cannot change even its own password
            user = s.get(User, user_id)
            if user is None:
                raise NotFound()
            user.password_hash = hash_password(password)
            user.updated_by = actor.username
            s.flush()
            own_login = self._set_login_password(s, user.username, password)
            s.commit()
        if own_login:
            self.db.use_password(password)  # this connection's own login: new connections need it

    def change_own_password(self, actor: Actor, current: str, password: str) -> None:
        """The signed-in user changes their own password, confirming the current one first (a desk left
        signed in does not let a passer-by take the account). With a personal PostgreSQL login its password
        changes with it (``set_password``)."""
        from argon2.exceptions import InvalidHashError, VerificationError

        with self.db.read() as s:
            bound = self.bound_login(s)
            if bound is not None:
                stored = pg_rights.password_hash_of_login(s, actor.username)
            else:
                stored = s.scalar(select(User.password_hash).where(User.id == actor.user_id))
            try:
                if stored is None:
                    raise InvalidHashError()
                _hasher.verify(stored, current)
            except (VerificationError, InvalidHashError):
                raise_if_invalid(
                    [
                        FieldError(
                            "current", QT_TRANSLATE_NOOP("Validation", "This is not your current password.")
                        )
                    ]
                )
        self.set_password(actor, actor.user_id, password)

    def _set_login_password(self, s, username: str, password: str) -> bool:
        """The login named ``username`` gets the same password (one password per person); True when it is
        the login of this very connection. Refused by the server: LoginPasswordNotChanged, nothing changed."""
        try:
            changed = pg_rights.set_login_password(s, username, password)
        except (DBAPIError, RightsRefused) as exc:  # RightsRefused: the server's "permission denied"
            detail = first_line(exc.__cause__ if isinstance(exc, RightsRefused) and exc.__cause__ else exc)
            log.warning("the password of the login %s was not changed: %s", username, detail)
            refused = LoginPasswordNotChanged(name=username)
            refused.details = detail  # the server's words: the log and the error dialog's "Details"
            raise refused from None
        return changed and self.bound_login(s) == username
