"""Translators, and translating/formatting what comes from below the UI (enums, errors, dates, money)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from hqdesk.domain.money import format_amount, format_money
from hqdesk.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QCoreApplication, language: str) -> str:
    """Load Qt's own and hqdesk's translations for ``language`` ('zh_CN' or 'en'); returns the language used."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language not in LANGUAGES:
        language = system_language()
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "hqdesk_zh_CN.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("Chinese translation file missing")
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        plurals = QTranslator(
            app
        )  # English sources need only their plural forms: "1 franchisee", "2 franchisees"
        if plurals.load(str(resource_path("translations", "hqdesk_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
    return language


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def tr_enum(label: str) -> str:
    return QCoreApplication.translate("Enums", label)


def tr_message(context: str, template: str, params: dict | None = None) -> str:
    text = QCoreApplication.translate(context, template)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def translate(context: str, text: str) -> str:
    """The ``hqdesk.domain.i18n.Translate`` of the UI: Qt's translation in the current language."""
    return QCoreApplication.translate(context, text)


def tr_field_error(error) -> str:
    return error.text(translate)


def tr_error(exc) -> str:
    """The translated message of an HqdeskError, its roles and actions in words (``HqdeskError.text``)."""
    return exc.text(translate)


def is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def fmt_date(value: date | None) -> str:
    if value is None:
        return ""
    q = QDate(value.year, value.month, value.day)
    return QLocale().toString(q, "yyyy年M月d日" if is_chinese() else "d MMM yyyy")


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()  # shown in the user's time zone; stored in UTC
    return fmt_date(local.date()) + local.strftime(" %H:%M")


def fmt_money(value: Decimal | None, symbol: str = "¥") -> str:
    """Money in the UI's locale, computed from the Decimal itself (no float: 0.1 + 0.2 stays 0.30)."""
    if value is None:
        return ""
    locale = QLocale()
    return format_money(value, symbol, 2, locale.groupSeparator(), locale.decimalPoint())


def fmt_decimal(value: Decimal | None, decimals: int = 2) -> str:
    if value is None:
        return ""
    locale = QLocale()
    return format_amount(value, decimals, locale.groupSeparator(), locale.decimalPoint())
