"""Marking user-visible text in Qt-free code, and filling it in whatever language the caller translates to.

Qt's lupdate recognises ``QT_TRANSLATE_NOOP(context, text)`` calls anywhere; the text stays English here
and the UI translates it with ``QCoreApplication.translate(context, text)`` before formatting parameters.

Code below the UI never translates by itself: it hands a ``Translate`` function (the UI passes Qt's
``QCoreApplication.translate``; the command line passes ``english``) to ``fill``, which translates the
template in its context and every parameter that knows its own display name (a ``Role``, an ``Action``,
a ``Message``), so that no raw key such as ``account_manager`` reaches a translated sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's own name, lupdate looks for it
    return text


# Contexts used for translatable texts raised from below the UI.
VALIDATION = "Validation"
ERRORS = "Errors"
ENUMS = "Enums"

Translate = Callable[[str, str], str]
"""(context, English source) -> text in the user's language."""


def english(context: str, text: str) -> str:
    """The ``Translate`` of the command line and the log: the English source itself."""
    return text


@dataclass(frozen=True)
class Message:
    """A translatable sentence decided below the UI (a refusal, a read-only reason): the UI shows
    ``message.text(translate)``."""

    context: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, translate: Translate = english) -> str:
        return fill(translate, self.context, self.template, self.params)


def translate_value(value: Any, translate: Translate) -> Any:
    """A parameter as the user reads it: enums by their translated display name (``label``, context
    "Enums"), nested messages translated; names, numbers and dates as they are."""
    if isinstance(value, Message):
        return value.text(translate)
    label = getattr(type(value), "label", None)
    if isinstance(label, property):
        return translate(ENUMS, value.label)
    return value


def fill(translate: Translate, context: str, template: str, params: Mapping[str, Any] | None = None) -> str:
    """The template translated in ``context`` with its {placeholders} filled by translated parameters.
    A translation that names a placeholder the parameters lack shows as it is rather than failing."""
    text = translate(context, template)
    if not params:
        return text
    values = {k: translate_value(v, translate) for k, v in params.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
