"""Add or edit one of a franchisee's stores."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from hqdesk.domain.contact import STORE_MAX_LENGTHS, STORE_STATUS_LABELS, StoreData, StoreStatus
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import StoreDTO
from hqdesk.ui.dialogs.conflict_dialog import RecordDialog
from hqdesk.ui.dialogs.discard import AsksBeforeDiscarding
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.models.history import UserNames, field_label
from hqdesk.ui.widgets import DecimalEdit, OptionalDateEdit, beside_buttons, set_combo_data

AREA_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter the floor area in square metres, e.g. 120.5.")
DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd, or leave the field empty.")


class StoreDialog(AsksBeforeDiscarding, RecordDialog):
    table = "stores"
    kind = "store"

    def __init__(
        self,
        ctx,
        franchisee_id: int,
        store: StoreDTO | None = None,
        names: UserNames | None = None,
        read_only: bool = False,
        default_city: str = "",
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, names, parent)
        self.setObjectName("storeDialog")
        self.franchisee_id = franchisee_id
        self.store = store
        self.today = today or date.today()
        self.setWindowTitle(
            self.tr("New store") if store is None else self.tr("Store: {name}").format(name=store.data.name)
        )
        self.form.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form.layout)
        f = self.form
        self.name = f.add("name", field_label("stores", "name"), QLineEdit(), required=True)
        self.name.setMaxLength(STORE_MAX_LENGTHS["name"])
        self.city = f.add("city", field_label("stores", "city"), QLineEdit())
        self.city.setMaxLength(STORE_MAX_LENGTHS["city"])
        self.address = f.add("address", field_label("stores", "address"), QLineEdit())
        self.address.setMaxLength(STORE_MAX_LENGTHS["address"])
        self.opened_on = f.add("opened_on", field_label("stores", "opened_on"), OptionalDateEdit())
        self.status = f.add("status", field_label("stores", "status"), QComboBox())
        for value, label in STORE_STATUS_LABELS.items():
            self.status.addItem(tr_enum(label), value)
        self.floor_area = f.add("floor_area", field_label("stores", "floor_area"), DecimalEdit(2))
        self.floor_area.setPlaceholderText(self.tr("e.g. {example}").format(example="120.5"))
        self.finish_layout()
        beside_buttons(self.layout_, f.required_note(), self.buttons)
        self.populate(store.data if store else StoreData(city=default_city))
        self.set_read_only(read_only)
        self.resize(520, 0)
        self.mark_clean()  # Esc, Cancel and close ask before dropping what is typed from here on
        self.name.setFocus()

    def populate(self, data: StoreData) -> None:
        self.name.setText(data.name)
        self.city.setText(data.city)
        self.address.setText(data.address)
        self.opened_on.set_date_value(data.opened_on)
        set_combo_data(self.status, data.status)
        self.floor_area.set_decimal_value(data.floor_area)

    def collect(self) -> tuple[StoreData, list[FieldError]]:
        errors = []
        area = self.floor_area.decimal_value()
        if self.floor_area.text().strip() and area is None:
            errors.append(FieldError("floor_area", AREA_PROBLEM))
        if not self.opened_on.hasAcceptableInput():
            errors.append(FieldError("opened_on", DATE_PROBLEM))
        data = StoreData(
            name=self.name.text(),
            address=self.address.text(),
            city=self.city.text(),
            opened_on=self.opened_on.date_value(),
            status=StoreStatus(self.status.currentData()),
            floor_area=area,
        )
        return data, errors

    def service_call(self, data: StoreData, overwrite: bool):
        stores = self.ctx.services.stores
        if self.store is None:
            return stores.add, (self.ctx.actor, self.franchisee_id, data), {}
        return (
            stores.update,
            (self.ctx.actor, self.store.id, self.store.version, data),
            {"base": self.store.data, "overwrite": overwrite},
        )

    def base_data(self):
        return self.store.data if self.store is not None else None

    def apply_current(self, current: StoreDTO) -> None:
        self.store = current
        self.populate(current.data)
        self.mark_clean()


__all__ = ["StoreDialog"]
