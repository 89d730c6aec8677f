"""How much the demo generates for each size: "small" to try the app out, "large" for the
benchmark database of DESIGN.md §6."""

from __future__ import annotations

from dataclasses import dataclass

SIZES = ("small", "large")


@dataclass(frozen=True)
class Plan:
    organisations: dict[str, int]  # per OrganisationKind name
    people: int
    department_heads: tuple[int, int]  # per municipality, besides the mayor
    main_series: tuple[int, int]  # meetings (past, future)
    secondary_series: tuple[tuple[int, int], ...]  # per texts.SECONDARY_SERIES
    single_meetings: tuple[int, int]
    extra_agenda_items: tuple[int, int]  # TOPs besides the standard frame
    invitees: tuple[int, int]
    action_items: tuple[int, int]  # per past meeting
    measures: int


PLANS = {
    "small": Plan(
        organisations={
            "Kreisverwaltung": 1,
            "Kommune": 12,
            "Unternehmen": 14,
            "Wohnungswirtschaft": 6,
            "Verein": 10,
            "Verband": 6,
            "Investor": 4,
            "Lokale Bevölkerung": 3,
            "Sonstige": 4,
        },
        people=200,
        department_heads=(2, 4),
        main_series=(7, 2),
        secondary_series=(),
        single_meetings=(1, 0),
        extra_agenda_items=(2, 4),
        invitees=(16, 26),
        action_items=(2, 4),
        measures=25,
    ),
    "large": Plan(
        organisations={
            "Kreisverwaltung": 1,
            "Kommune": 120,
            "Unternehmen": 2600,
            "Wohnungswirtschaft": 250,
            "Verein": 1300,
            "Verband": 300,
            "Investor": 200,
            "Lokale Bevölkerung": 100,
            "Sonstige": 129,
        },
        people=20_000,
        department_heads=(3, 8),
        main_series=(18, 2),
        secondary_series=((60, 6), (30, 3), (20, 2), (60, 6), (24, 2), (30, 3)),
        single_meetings=(30, 4),
        extra_agenda_items=(12, 19),
        invitees=(20, 50),
        action_items=(2, 5),
        measures=3000,
    ),
}
