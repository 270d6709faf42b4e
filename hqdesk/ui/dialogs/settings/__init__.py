"""The settings dialog, a page per topic: Database, Language, and the administrators' Company page
(letterhead and tiers)."""

from hqdesk.ui.dialogs.settings.company import CompanyPage, UnreadableImage, logo_png_from_file
from hqdesk.ui.dialogs.settings.database import DatabasePage
from hqdesk.ui.dialogs.settings.dialog import SettingsDialog
from hqdesk.ui.dialogs.settings.language import LanguagePage

__all__ = [
    "SettingsDialog",
    "DatabasePage",
    "LanguagePage",
    "CompanyPage",
    "UnreadableImage",
    "logo_png_from_file",
]
