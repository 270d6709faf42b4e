"""What every view gets through its constructor: services, the signed-in actor, the task runner, the change bus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from hqdesk.domain.changes import Changes
from hqdesk.domain.roles import Action, Actor
from hqdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # Only a type here: importing it would pull SQLAlchemy and the models into every view's import, and the UI
    # thread's warm-up (startup.warm_up_ui) would wait on the import locks of the worker opening the database.
    from hqdesk.services.bootstrap import Services


class ChangeBus(QObject):
    """After a write, say what changed; each view decides whether to reload (Anki's OpChanges).

    ``changed(Changes)``: see hqdesk.domain.changes. Pages and tabs declare the entity kinds they show and
    reload only on those (``Changes.touches``).
    """

    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)


@dataclass(frozen=True)
class UiContext:
    services: Services
    actor: Actor
    runner: TaskRunner
    bus: ChangeBus
    settings: QSettings

    def can(self, action: Action, owner_id: int | None = None) -> bool:
        return self.actor.can(action, owner_id)
