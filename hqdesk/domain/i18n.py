"""Marking user-visible text in Qt-free code.

Qt's lupdate recognises ``QT_TRANSLATE_NOOP(context, text)`` calls anywhere; the text stays English here
and the UI translates it with ``QCoreApplication.translate(context, text)`` before formatting parameters.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's own name, lupdate looks for it
    return text


# Contexts used for translatable texts raised from below the UI.
VALIDATION = "Validation"
ERRORS = "Errors"
ENUMS = "Enums"
