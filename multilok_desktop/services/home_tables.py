"""The columns the start page reads, as light Core tables (`sqlalchemy.table()`).

The start page is the first thing the window shows. Reading it through the mapped classes
would mean declaring and configuring all 45 of them first (≈ 0.17 s of a ≈ 0.6 s start,
DESIGN.md §6); these few table clauses cost next to nothing and carry the same column
types, so values come back exactly as through the models (aware UTC datetimes, enums).
tests/services/test_home_tables.py checks every column here against the models.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, Integer, String, Text, column, table

from ..domain.base import UTCDateTime
from ..domain.enums import MeetingStatus, Response, StatusPhase, enum_column_type

meeting = table(
    "meeting",
    column("id", Integer),
    column("title", String),
    column("start", UTCDateTime),
    column("end", UTCDateTime),
    column("location", String),
    column("status", enum_column_type(MeetingStatus)),
)

invitation = table(
    "invitation",
    column("meeting_id", Integer),
    column("response", enum_column_type(Response)),
)

agenda_item = table(
    "agenda_item",
    column("meeting_id", Integer),
    column("withdrawn", Boolean),
)

action_item = table(
    "action_item",
    column("id", Integer),
    column("text", Text),
    column("meeting_id", Integer),
    column("measure_id", Integer),
    column("owner_id", Integer),
    column("owner_text", String),
    column("due_date", Date),
    column("done", Boolean),
)

person = table(
    "person",
    column("id", Integer),
    column("title", String),
    column("first_name", String),
    column("last_name", String),
)

measure = table(
    "measure",
    column("id", Integer),
    column("title", String),
    column("status_id", Integer),
    column("updated_at", UTCDateTime),
)

measure_history = table(
    "measure_history",
    column("id", Integer),
    column("measure_id", Integer),
    column("changed_at", UTCDateTime),
    column("author", String),
    column("field", String),
    column("old_value", Text),
    column("new_value", Text),
)

measure_status = table(
    "measure_status",
    column("id", Integer),
    column("name", String),
    column("phase", enum_column_type(StatusPhase)),
)

TABLES = (
    meeting,
    invitation,
    agenda_item,
    action_item,
    person,
    measure,
    measure_history,
    measure_status,
)
