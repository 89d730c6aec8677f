"""Editable value lists (the tool card's taxonomies).

Every region words these its own way, so they are rows the user can add, rename,
reorder and retire — never Python enums. A retired value stays for history but is not
offered for new records.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .enums import StatusPhase, enum_column_type


class TaxonomyMixin:
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.name!r}>"


class OrganisationKind(TaxonomyMixin, Base):
    """Organisationsart: Kommune, Unternehmen, Verein …"""

    __tablename__ = "organisation_kind"


class Department(TaxonomyMixin, Base):
    """Verwaltungsressort: Bauamt, Sozialamt, Wirtschaftsförderung …"""

    __tablename__ = "department"


class Strategy(TaxonomyMixin, Base):
    __tablename__ = "strategy"


class TargetGroup(TaxonomyMixin, Base):
    __tablename__ = "target_group"


class SpatialLevel(TaxonomyMixin, Base):
    __tablename__ = "spatial_level"


class ProjectType(TaxonomyMixin, Base):
    __tablename__ = "project_type"


class ActionField(TaxonomyMixin, Base):
    __tablename__ = "action_field"


class MeasureKind(TaxonomyMixin, Base):
    __tablename__ = "measure_kind"


class MeasureStatus(TaxonomyMixin, Base):
    __tablename__ = "measure_status"

    phase: Mapped[StatusPhase] = mapped_column(
        enum_column_type(StatusPhase), default=StatusPhase.OPEN
    )


class PendingTopic(TaxonomyMixin, Base):
    """Topic that is due anyway ("sowieso anstehend") and a measure touches: kleine Wohnungen, Kinderbetreuung …"""

    __tablename__ = "pending_topic"
