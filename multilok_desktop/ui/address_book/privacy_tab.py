"""The person form's "Datenschutz" tab: legal basis, source, review dates, consent history.

Basis, source and review dates are saved with the person ("Speichern"). Consent records
are events: for a saved person "Einwilligung erfassen …" and "Einwilligung widerrufen"
take effect at once (withdrawing is one click); for a new person they wait until the
person is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.dates import format_date, parse_date
from ...services.errors import ServiceError, ValidationError
from ...services.privacy import (
    DEFAULT_PURPOSE,
    LEGAL_BASIS_LABELS,
    SOURCE_MAX,
    ConsentInput,
    ConsentMethod,
    ConsentRow,
    ConsentStatus,
    LegalBasis,
    PrivacySettings,
    consent_state,
    validate_consent,
)
from ...services.privacy_service import PrivacyService
from ..dialog_buttons import dialog_buttons

CONSENT_COLUMNS = (
    QT_TRANSLATE_NOOP("PrivacyTab", "Datum"),
    QT_TRANSLATE_NOOP("PrivacyTab", "Status"),
    QT_TRANSLATE_NOOP("PrivacyTab", "Art"),
    QT_TRANSLATE_NOOP("PrivacyTab", "Zweck"),
    QT_TRANSLATE_NOOP("PrivacyTab", "Textfassung"),
)


class ConsentDialog(QDialog):
    """Record a consent: date, how, purpose, text version, note. `consent` after Accepted."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einwilligung erfassen"))
        self._today = today
        self.consent: ConsentInput | None = None
        self._date = QLineEdit(format_date(today))
        self._date.setPlaceholderText(self.tr("TT.MM.JJJJ"))
        self._date.setMaximumWidth(110)
        self._method = QComboBox()
        for method in ConsentMethod:
            self._method.addItem(method.value, method)
        self._purpose = QLineEdit(DEFAULT_PURPOSE)
        self._purpose.setMinimumWidth(440)
        self._text_version = QLineEdit()
        self._text_version.setPlaceholderText(self.tr("z. B. Einwilligungserklärung v2 (03/2026)"))
        self._note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Datum"), self._date)
        form.addRow(self.tr("&Art"), self._method)
        form.addRow(self.tr("&Zweck"), self._purpose)
        form.addRow(self.tr("&Textfassung"), self._text_version)
        form.addRow(self.tr("&Notiz"), self._note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Erfassen")))

    def accept(self) -> None:
        try:
            day = parse_date(self._date.text(), "Datum der Einwilligung")
            if day is None:
                raise ValidationError("Bitte das Datum der Einwilligung angeben.")
            consent = ConsentInput(
                recorded_on=day,
                status=ConsentStatus.GIVEN,
                method=ConsentMethod(self._method.currentData()),
                purpose=self._purpose.text().strip() or DEFAULT_PURPOSE,
                text_version=self._text_version.text(),
                note=self._note.text(),
            )
            validate_consent(consent, self._today)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Einwilligung nicht erfasst"), str(exc))
            return
        self.consent = consent
        super().accept()


class PrivacyTab(QWidget):
    def __init__(
        self, service: PrivacyService, person_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._person_id = person_id
        self._pending: list[ConsentInput] = []  # a new person's consents, saved with it
        self._history: list[ConsentRow] = []

        self._basis = QComboBox()
        self._basis.addItem(self.tr("nicht erfasst"), None)
        for basis in LegalBasis:
            self._basis.addItem(LEGAL_BASIS_LABELS[basis], basis)
        self._source = QLineEdit()
        self._source.setPlaceholderText(
            self.tr("z. B. Visitenkarte beim 6. Vernetzungstreffen, Meldung der Gemeinde")
        )
        self._contact_review = QLineEdit()
        self._participation_review = QLineEdit()
        for field in (self._contact_review, self._participation_review):
            field.setPlaceholderText(self.tr("TT.MM.JJJJ"))
            field.setMaximumWidth(110)
        form = QFormLayout()
        form.addRow(self.tr("&Rechtsgrundlage"), self._basis)
        form.addRow(self.tr("&Herkunft der Daten"), self._source)
        reviews = QHBoxLayout()
        reviews.addWidget(self._contact_review)
        reviews.addSpacing(12)
        participation_label = QLabel(self.tr("Teil&nahmen"))
        participation_label.setBuddy(self._participation_review)
        reviews.addWidget(participation_label)
        reviews.addWidget(self._participation_review)
        reviews.addStretch()
        contact_label = QLabel(self.tr("Prüfen bis: &Kontaktdaten"))
        contact_label.setBuddy(self._contact_review)
        form.addRow(contact_label, reviews)
        hint = QLabel(
            self.tr(
                "Zum Prüfdatum erscheint die Person in der Datenschutz-Prüfung: Daten, die "
                "nicht mehr gebraucht werden, löschen oder ein neues Datum setzen."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)

        self.consents = QTableWidget(0, len(CONSENT_COLUMNS))
        self.consents.setHorizontalHeaderLabels([self.tr(c) for c in CONSENT_COLUMNS])
        self.consents.verticalHeader().hide()
        self.consents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.consents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.consents.horizontalHeader()
        for column, width in ((0, 90), (1, 90), (2, 90), (4, 150)):
            self.consents.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.state_label = QLabel()
        self.add_button = QPushButton(self.tr("Einwilligung &erfassen …"))
        self.add_button.clicked.connect(self._on_add)
        self.withdraw_button = QPushButton(self.tr("Einwilligung &widerrufen"))
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        box = QGroupBox(self.tr("Einwilligungen"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.consents)
        box_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box, 1)
        if person_id is not None:
            self._load(person_id)
        else:
            self._show_history()

    # --- loading ----------------------------------------------------------------------

    def _load(self, person_id: int) -> None:
        details = self._service.privacy(person_id)
        s = details.settings
        self._basis.setCurrentIndex(max(0, self._basis.findData(s.legal_basis)))
        self._source.setText(s.data_source)
        self._contact_review.setText(format_date(s.contact_review_on))
        self._participation_review.setText(format_date(s.participation_review_on))
        self._history = list(details.consents)
        self._show_history()

    def _show_history(self) -> None:
        count = len(self._pending)  # newest first; ids only order them among themselves
        pending = [
            ConsentRow(count - i, c.status, c.recorded_on, c.method, c.purpose, c.text_version,
                       c.note)
            for i, c in enumerate(self._pending)
        ]  # fmt: skip
        rows = pending + self._history
        self.consents.setRowCount(len(rows))
        for row, consent in enumerate(rows):
            values = (
                format_date(consent.recorded_on),
                consent.status.value,
                consent.method.value if consent.method else "–",
                consent.purpose,
                consent.text_version,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if consent.note:
                    item.setToolTip(consent.note)
                self.consents.setItem(row, column, item)
        state, since = consent_state(rows)
        text = {
            "ja": self.tr("Einwilligung liegt vor (seit %1)."),
            "widerrufen": self.tr("Einwilligung widerrufen am %1."),
            "keine": self.tr("Keine Einwilligung erfasst."),
        }[state.value].replace("%1", format_date(since))
        if pending:
            text += " " + self.tr("Wird mit der Person gespeichert.")
        self.state_label.setText(text)
        self.withdraw_button.setEnabled(state.value == "ja")

    # --- collecting and saving ----------------------------------------------------------

    def settings(self) -> PrivacySettings:
        """The form's values; raises ServiceError for a value the service would refuse."""
        if len(self._source.text().strip()) > SOURCE_MAX:
            raise ValidationError(f"Die Herkunft ist zu lang (höchstens {SOURCE_MAX} Zeichen).")
        return PrivacySettings(
            legal_basis=self._legal_basis(),
            data_source=self._source.text().strip(),
            contact_review_on=parse_date(self._contact_review.text(), "Prüfdatum Kontaktdaten"),
            participation_review_on=parse_date(
                self._participation_review.text(), "Prüfdatum Teilnahmen"
            ),
        )

    def _legal_basis(self) -> LegalBasis | None:
        data = self._basis.currentData()  # Qt hands the enum back as a plain str
        return LegalBasis(data) if data else None

    def save(self, person_id: int, settings: PrivacySettings) -> None:
        self._service.set_privacy(person_id, settings)
        for consent in reversed(self._pending):  # oldest first
            self._service.record_consent(person_id, consent)
        self._pending.clear()
        self._person_id = person_id

    # --- consent actions ---------------------------------------------------------------

    @Slot()
    def _on_add(self) -> None:
        dialog = ConsentDialog(self._service.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.consent is None:
            return
        if self._person_id is None:
            self._pending.insert(0, dialog.consent)
            if self._legal_basis() is None:
                self._basis.setCurrentIndex(self._basis.findData(LegalBasis.CONSENT))
            self._show_history()
            return
        try:
            self._service.record_consent(self._person_id, dialog.consent)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Einwilligung nicht erfasst"), str(exc))
            return
        if self._legal_basis() is None:
            self._basis.setCurrentIndex(self._basis.findData(LegalBasis.CONSENT))
        self._reload_history()

    @Slot()
    def withdraw(self) -> None:
        """One click: every consent still given is withdrawn today."""
        if self._person_id is None:
            today = self._service.today()
            self._pending = [
                ConsentInput(today, ConsentStatus.WITHDRAWN, None, c.purpose, c.text_version)
                for c in self._pending
                if c.status == ConsentStatus.GIVEN
            ] + self._pending
            self._show_history()
            return
        try:
            self._service.withdraw_consent(self._person_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht widerrufen"), str(exc))
            return
        self._reload_history()

    def _reload_history(self) -> None:
        assert self._person_id is not None
        self._history = list(self._service.privacy(self._person_id).consents)
        self._show_history()
