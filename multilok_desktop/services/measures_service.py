"""The measures tracker's use cases for the UI: each call is one unit of work (one session).

Widgets get plain dataclasses back, never a Session or an ORM object (STYLE.md §6). The
author of every change is the login name of this PC unless the caller names one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from ..domain import (
    ActionField,
    MeasureKind,
    MeasureStatus,
    PendingTopic,
    ProjectType,
    SpatialLevel,
    Strategy,
    TargetGroup,
    TrafficLight,
)
from ..domain.taxonomy import TaxonomyMixin
from ..storage.database import Database
from . import (
    measure_actions,
    measure_editing,
    measure_list,
    measure_overview,
    measures,
    meetings,
    taxonomies,
)
from .measure_editing import MeasureInput, PartnerInput, default_author
from .measure_list import MeasureFilter, MeasureRow, MeasureSort, SavedFilterRow
from .measure_overview import BoardColumn, Overview
from .measures import MeasureDetails
from .meetings import MeetingSummary
from .taxonomies import Choice

if TYPE_CHECKING:
    from .tool_card_catalog import ToolCardCatalog

R = TypeVar("R")

__all__ = [
    "Choice",
    "MeasureDetails",
    "MeasureFilter",
    "MeasureInput",
    "MeasureRow",
    "MeasureSort",
    "MeasuresService",
    "PartnerInput",
    "SavedFilterRow",
    "TrafficLight",
]

# The value lists of a measure, by the name the forms and filters use.
TAXONOMIES: dict[str, type[TaxonomyMixin]] = {
    "kind": MeasureKind,
    "status": MeasureStatus,
    "strategy": Strategy,
    "target_group": TargetGroup,
    "action_field": ActionField,
    "spatial_level": SpatialLevel,
    "project_type": ProjectType,
    "pending_topic": PendingTopic,
}


class MeasuresService:
    def __init__(self, database: Database, author: str | None = None) -> None:
        self._database = database
        self.author = default_author() if author is None else author

    def _run(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        with self._database.session() as session:
            return work(session, *args, **kwargs)

    # value lists
    def choices(self, taxonomy: str, *, include_retired: bool = False) -> list[Choice]:
        return self._run(taxonomies.choices, TAXONOMIES[taxonomy], include_retired=include_retired)

    def all_choices(self, *, include_retired: bool = False) -> dict[str, list[Choice]]:
        """Every value list of a measure at once (one session: the filter bar's start)."""
        with self._database.session() as session:
            return {
                name: taxonomies.choices(session, model, include_retired=include_retired)
                for name, model in TAXONOMIES.items()
            }

    # the table
    def count(self, query: MeasureFilter) -> int:
        return self._run(measure_list.count_measures, query)

    def page(self, query: MeasureFilter, offset: int, limit: int) -> list[MeasureRow]:
        return self._run(measure_list.measures_page, query, offset, limit)

    def position(self, query: MeasureFilter, measure_id: int) -> int | None:
        return self._run(measure_list.measure_position, query, measure_id)

    # the board and the overview
    def board_columns(
        self, query: MeasureFilter, *, limit_per_column: int | None = None
    ) -> list[BoardColumn]:
        return self._run(measure_overview.board_columns, query, limit_per_column=limit_per_column)

    def overview(self, today: date, query: MeasureFilter) -> Overview:
        return self._run(measure_overview.overview, today, query)

    def saved_filters(self) -> list[SavedFilterRow]:
        return self._run(measure_list.saved_filters)

    def save_filter(self, name: str, query: MeasureFilter) -> int:
        return self._run(measure_list.save_filter, name, query)

    def delete_saved_filter(self, filter_id: int) -> None:
        self._run(measure_list.delete_saved_filter, filter_id)

    def meetings(self) -> list[MeetingSummary]:
        """All meetings by date, for choosing related meetings in the measure form."""
        return self._run(meetings.list_meetings)

    # one measure
    def details(self, measure_id: int) -> MeasureDetails:
        return self._run(measures.measure_details, measure_id)

    def measure_input(self, measure_id: int) -> MeasureInput:
        return self._run(measure_editing.measure_input, measure_id)

    def new_measure_input(self, title: str = "") -> MeasureInput:
        return self._run(measure_editing.new_measure_input, title)

    def input_from_tool_card(self, tool_card_id: int) -> MeasureInput:
        return self._run(measure_editing.input_from_tool_card, tool_card_id)

    def tool_card_catalog(self) -> ToolCardCatalog:
        """The planning-card catalogue (for ToolCardDialog.choose)."""
        from .tool_card_catalog import ToolCardCatalog

        return ToolCardCatalog(self._database)

    def create(self, data: MeasureInput, meeting_id: int | None = None) -> int:
        return self._run(
            measure_editing.create_measure, data, author=self.author, meeting_id=meeting_id
        )

    def update(
        self, measure_id: int, data: MeasureInput, meeting_id: int | None = None
    ) -> list[str]:
        return self._run(
            measure_editing.update_measure,
            measure_id,
            data,
            author=self.author,
            meeting_id=meeting_id,
        )

    def set_status(self, measure_id: int, status_id: int, meeting_id: int | None = None) -> None:
        self._run(
            measure_editing.set_status,
            measure_id,
            status_id,
            author=self.author,
            meeting_id=meeting_id,
        )

    def delete(self, measure_id: int) -> None:
        self._run(measure_editing.delete_measure, measure_id)

    # next steps
    def add_action(
        self,
        measure_id: int,
        text: str,
        *,
        owner_id: int | None = None,
        owner_text: str = "",
        due_date: date | None = None,
    ) -> int:
        return self._run(
            measure_actions.add_measure_action,
            measure_id,
            text,
            owner_id=owner_id,
            owner_text=owner_text,
            due_date=due_date,
        )

    def update_action(
        self,
        action_item_id: int,
        text: str,
        *,
        owner_id: int | None = None,
        owner_text: str = "",
        due_date: date | None = None,
    ) -> None:
        self._run(
            measure_actions.update_measure_action,
            action_item_id,
            text,
            owner_id=owner_id,
            owner_text=owner_text,
            due_date=due_date,
        )

    def set_action_done(self, action_item_id: int, done: bool) -> None:
        self._run(measure_actions.set_action_item_done, action_item_id, done)

    def delete_action(self, action_item_id: int) -> None:
        self._run(measure_actions.delete_action_item, action_item_id)
