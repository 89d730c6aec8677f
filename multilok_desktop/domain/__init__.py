"""SQLAlchemy models of the whole domain (DESIGN.md §2). No Qt, no I/O.

The model classes are loaded on first use, all together: declaring the 45 mapped classes
costs ≈ 0.1 s and configuring them another ≈ 0.06 s, which the start page does without
(it reads through light Core tables, services/home_tables.py). `from multilok_desktop.domain
import Person` loads every model module (relationships name each other by string), so does
`load_models()`, which the app calls right after its window is first painted. The enums,
`text` and the column types in `base` stay cheap to import.
"""

from __future__ import annotations

import sys
import threading
from importlib import import_module
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.orm import Mapper, configure_mappers

from .base import UTCDateTime, utcnow
from .enums import (
    AttendanceStatus,
    InvitationMode,
    MeetingStatus,
    OutcomeKind,
    ProtocolStatus,
    Response,
    StatusPhase,
    TrafficLight,
)

if TYPE_CHECKING:  # the real imports, for type checkers and readers
    from .base import Base
    from .contacts import (
        DistributionList,
        DistributionListMember,
        Membership,
        Organisation,
        Person,
        Tag,
    )
    from .directory import (
        OrganisationDirectoryRow,
        PersonDirectoryRow,
    )
    from .measures import (
        Measure,
        MeasureHistory,
        MeasurePartner,
        SavedFilter,
        ToolCard,
    )
    from .meetings import (
        ActionItem,
        AgendaItem,
        AgendaTemplateItem,
        Attachment,
        Attendance,
        BacklogTopic,
        Invitation,
        Meeting,
        MeetingSeries,
        Outcome,
        Protocol,
        ProtocolRevision,
        SeriesInvitee,
        TextBlock,
        Topic,
    )
    from .privacy import (
        ConsentMethod,
        ConsentRecord,
        ConsentStatus,
        DataCategory,
        LegalBasis,
    )
    from .settings import (
        SchoolHoliday,
        Setting,
    )
    from .taxonomy import (
        ActionField,
        Department,
        MeasureKind,
        MeasureStatus,
        OrganisationKind,
        PendingTopic,
        ProjectType,
        SpatialLevel,
        Strategy,
        TargetGroup,
    )

# Where each lazily loaded name lives (`Base` too: its metadata is complete only with
# every model loaded).
_LAZY: dict[str, str] = {
    "Base": "base",
    "DistributionList": "contacts",
    "DistributionListMember": "contacts",
    "Membership": "contacts",
    "Organisation": "contacts",
    "Person": "contacts",
    "Tag": "contacts",
    "OrganisationDirectoryRow": "directory",
    "PersonDirectoryRow": "directory",
    "Measure": "measures",
    "MeasureHistory": "measures",
    "MeasurePartner": "measures",
    "SavedFilter": "measures",
    "ToolCard": "measures",
    "ActionItem": "meetings",
    "AgendaItem": "meetings",
    "AgendaTemplateItem": "meetings",
    "Attachment": "meetings",
    "Attendance": "meetings",
    "BacklogTopic": "meetings",
    "Invitation": "meetings",
    "Meeting": "meetings",
    "MeetingSeries": "meetings",
    "Outcome": "meetings",
    "Protocol": "meetings",
    "ProtocolRevision": "meetings",
    "SeriesInvitee": "meetings",
    "TextBlock": "meetings",
    "Topic": "meetings",
    "ConsentMethod": "privacy",
    "ConsentRecord": "privacy",
    "ConsentStatus": "privacy",
    "DataCategory": "privacy",
    "LegalBasis": "privacy",
    "SchoolHoliday": "settings",
    "Setting": "settings",
    "ActionField": "taxonomy",
    "Department": "taxonomy",
    "MeasureKind": "taxonomy",
    "MeasureStatus": "taxonomy",
    "OrganisationKind": "taxonomy",
    "PendingTopic": "taxonomy",
    "ProjectType": "taxonomy",
    "SpatialLevel": "taxonomy",
    "Strategy": "taxonomy",
    "TargetGroup": "taxonomy",
}
_MODEL_MODULES = tuple(dict.fromkeys(module for module in _LAZY.values() if module != "base"))


def load_models() -> None:
    """Import every model module and configure the mappers (idempotent, ≈ 0.17 s once).

    Call it on the GUI thread before a worker thread touches the models: SQLAlchemy holds
    its configure lock while our before_configured hook imports, so two threads loading
    the models at once could wait on each other."""
    for module in _MODEL_MODULES:
        import_module(f"{__name__}.{module}")
    configure_mappers()


@event.listens_for(Mapper, "before_configured")
def _every_model_before_configuring() -> None:
    # A model module imported on its own (`from .domain.measures import Measure`) names
    # classes of the others in its relationships: load them all before they are resolved.
    # Only on the main thread: SQLAlchemy holds its configure lock here, and a worker
    # importing while the GUI thread declares models could wait on it forever.
    missing = [m for m in _MODEL_MODULES if f"{__name__}.{m}" not in sys.modules]
    if not missing:
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError(
            f"domain models {missing} not loaded: call domain.load_models() on the main "
            "thread before a worker thread uses them"
        )
    for module in missing:
        import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for model_module in _MODEL_MODULES:
        import_module(f"{__name__}.{model_module}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly from now on
    return value


__all__ = [
    "ActionField",
    "ActionItem",
    "AgendaItem",
    "AgendaTemplateItem",
    "Attachment",
    "Attendance",
    "AttendanceStatus",
    "BacklogTopic",
    "Base",
    "ConsentMethod",
    "ConsentRecord",
    "ConsentStatus",
    "DataCategory",
    "Department",
    "DistributionList",
    "DistributionListMember",
    "Invitation",
    "InvitationMode",
    "LegalBasis",
    "Measure",
    "MeasureHistory",
    "MeasureKind",
    "MeasurePartner",
    "MeasureStatus",
    "Meeting",
    "MeetingSeries",
    "MeetingStatus",
    "Membership",
    "Organisation",
    "OrganisationDirectoryRow",
    "OrganisationKind",
    "Outcome",
    "OutcomeKind",
    "PendingTopic",
    "Person",
    "PersonDirectoryRow",
    "ProjectType",
    "Protocol",
    "ProtocolRevision",
    "ProtocolStatus",
    "Response",
    "SavedFilter",
    "SchoolHoliday",
    "SeriesInvitee",
    "Setting",
    "SpatialLevel",
    "StatusPhase",
    "Strategy",
    "Tag",
    "TargetGroup",
    "TextBlock",
    "ToolCard",
    "Topic",
    "TrafficLight",
    "UTCDateTime",
    "load_models",
    "utcnow",
]
