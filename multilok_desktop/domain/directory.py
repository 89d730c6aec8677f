"""Derived read models of the address book: one flat row per person and per organisation.

They are rebuilt from the real tables by `storage.search_index` whenever a person,
membership or organisation changes, so the list views can filter, sort and page in one
indexed table instead of joining five (DESIGN.md §6: ≤ 10 ms per keystroke at 20,000
people). Their FTS5 twins (`person_fts`, `organisation_fts`) live in the migrations only,
because SQLAlchemy cannot describe virtual tables.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class PersonDirectoryRow(Base):
    __tablename__ = "person_directory"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    sort_key: Mapped[str] = mapped_column(String(220), index=True)
    name: Mapped[str] = mapped_column(String(220))  # "Müller-Lüdenscheidt, Dr. Jürgen"
    organisation: Mapped[str] = mapped_column(String(200), default="")
    organisation_sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    organisation_ids: Mapped[str] = mapped_column(Text, default="")  # ",3,17," for filters
    kind_ids: Mapped[str] = mapped_column(Text, default="")  # ",1,4,"
    department_ids: Mapped[str] = mapped_column(Text, default="")  # ",2,"
    function: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(120), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")


class OrganisationDirectoryRow(Base):
    __tablename__ = "organisation_directory"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    sort_key: Mapped[str] = mapped_column(String(220), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind_id: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(120), default="")
    city: Mapped[str] = mapped_column(String(120), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    people_count: Mapped[int] = mapped_column(Integer, default=0)
