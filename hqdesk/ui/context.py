"""What every view gets through its constructor: services, the signed-in actor, the task runner, the change bus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Signal

from hqdesk.domain.changes import Changes
from hqdesk.domain.roles import Action, Actor
from hqdesk.services.bootstrap import Services
from hqdesk.ui.tasks import TaskRunner


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
