"""From minute-taking to measures: a result starts or moves on a measure in one step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from multilok_desktop.domain import (
    ActionItem,
    Measure,
    MeasureHistory,
    MeasureStatus,
    Outcome,
    OutcomeKind,
)
from multilok_desktop.domain.measures import measure_meeting
from multilok_desktop.services import measure_actions
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.measures_service import MeasuresService
from multilok_desktop.services.minute_measures import (
    MeasureUpdateData,
    NewMeasureData,
    title_from_text,
)
from multilok_desktop.services.minutes import ProtocolLockedError
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.minutes_helpers import AUTUMN, SPRING, at, two_meetings


def choice_id(choices, name: str) -> int:  # noqa: ANN001
    return next(c.id for c in choices if c.name == name)


def test_outcome_becomes_a_new_measure_in_one_step(db: Database) -> None:
    """Measure, history with the meeting, link to the meeting and outcome.measure_id."""
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    with db.session() as s:
        gemeinde = factories.organisation(s, "Gemeinde Großwöllmen")
        person = factories.person(s, "Jürgen", "Müller", organisation_id=gemeinde)
    walk_in = service.add_walk_in(setup.spring, person_id=person)
    assert walk_in
    outcome = service.add_outcome(
        top, OutcomeKind.AGREEMENT, "Die Gemeinden prüfen eine Kita-Notbetreuung für Pendler.\n"
        "Frau Kühn lädt ein."
    )  # fmt: skip

    form = service.outcome_measure_form(outcome)
    assert form.title == "Die Gemeinden prüfen eine Kita-Notbetreuung für Pendler"
    assert [o.name for o in form.organisations] == ["Gemeinde Großwöllmen"]
    assert form.kind_id == choice_id(form.kinds, "Projektidee")
    assert form.status_id == form.statuses[0].id and form.measure_id is None

    measure_id = service.new_measure_from_outcome(
        outcome,
        NewMeasureData(
            title=form.title,
            kind_id=form.kind_id,
            status_id=form.status_id,
            action_field_ids=(
                choice_id(form.action_fields, "Soziale und technische Infrastruktur"),
            ),
            lead_organisation_id=gemeinde,
        ),
    )
    with db.session() as s:
        measure = s.get(Measure, measure_id)
        assert measure is not None
        assert measure.origin_meeting_id == setup.spring
        assert measure.lead_organisation_id == gemeinde
        assert "Frau Kühn lädt ein." in measure.description
        assert measure.status is not None and measure.status.name == "Idee"
        assert [a.name for a in measure.action_fields] == ["Soziale und technische Infrastruktur"]
        history = s.scalars(select(MeasureHistory).where(MeasureHistory.measure_id == measure_id))
        assert [(h.field, h.meeting_id) for h in history] == [("created", setup.spring)]
        linked = s.scalars(
            select(measure_meeting.c.meeting_id).where(measure_meeting.c.measure_id == measure_id)
        )
        assert list(linked) == [setup.spring]
        assert s.get(Outcome, outcome).measure_id == measure_id  # type: ignore[union-attr]
    assert service.outcome_measures(setup.spring)[outcome].title == form.title
    assert service.outcome_measure_form(outcome).measure_title == form.title


def test_outcome_updates_an_existing_measure_with_the_meeting_in_its_history(
    db: Database,
) -> None:
    setup = two_meetings(db)
    service = setup.service
    spring_top, autumn_top = setup.tops(setup.spring)[3], setup.tops(setup.autumn)[3]
    first = service.add_outcome(spring_top, OutcomeKind.AGREEMENT, "Wohnraumbörse für Pendler")
    measure_id = service.new_measure_from_outcome(first, NewMeasureData(title="Wohnraumbörse"))
    later = service.add_outcome(autumn_top, OutcomeKind.DECISION, "Die Börse geht online.")
    assert [p.id for p in service.find_measures("wohnraumborse")] == [measure_id]

    statuses = MeasuresService(db).choices("status")
    changed = service.update_measure_from_outcome(
        later,
        MeasureUpdateData(
            measure_id, status_id=choice_id(statuses, "in Umsetzung"), progress=40,
            note="Start im Mai",
        ),
    )  # fmt: skip
    assert changed == ["Status", "Fortschritt"]
    details = MeasuresService(db).details(measure_id)
    assert details.summary.status == "in Umsetzung" and details.progress == 40
    steps = [(h.field, h.old_value, h.new_value, h.meeting_title, h.note) for h in details.history]
    assert steps[1:] == [
        ("status", "Idee", "in Umsetzung", "7. Vernetzungstreffen", "Start im Mai"),
        ("progress", "0 %", "40 %", "7. Vernetzungstreffen", "Start im Mai"),
    ]
    assert {m.id for m in details.meetings} == {setup.spring, setup.autumn}
    assert service.outcome_measures(setup.autumn)[later].measure_id == measure_id


def test_discussed_without_a_change_still_shows_on_the_timeline(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.autumn)[3]
    first = service.add_outcome(top, OutcomeKind.AGREEMENT, "Kita-Notbetreuung")
    measure_id = service.new_measure_from_outcome(first, NewMeasureData(title="Kita"))
    second = service.add_outcome(top, OutcomeKind.INFORMATION, "Bericht zum Stand.")
    assert service.update_measure_from_outcome(second, MeasureUpdateData(measure_id)) == []
    last = MeasuresService(db).details(measure_id).history[-1]
    assert (last.field, last.new_value, last.meeting_id) == (
        "discussed", "Bericht zum Stand", setup.autumn
    )  # fmt: skip


def test_bad_input_changes_nothing(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    outcome = service.add_outcome(setup.tops(setup.spring)[3], OutcomeKind.AGREEMENT, "Idee")
    with pytest.raises(ValidationError, match="Titel"):
        service.new_measure_from_outcome(outcome, NewMeasureData(title="  "))
    measure_id = service.new_measure_from_outcome(outcome, NewMeasureData(title="Idee"))
    with pytest.raises(ValidationError, match="Fortschritt"):
        service.update_measure_from_outcome(outcome, MeasureUpdateData(measure_id, progress=120))
    with db.session() as s:
        assert s.scalar(select(Measure.progress).where(Measure.id == measure_id)) == 0
        assert len(s.scalars(select(Measure)).all()) == 1


def test_a_locked_protocol_refuses_and_nothing_changes(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    outcome = service.add_outcome(top, OutcomeKind.AGREEMENT, "Wohnraumbörse")
    existing = service.new_measure_from_outcome(outcome, NewMeasureData(title="Börse"))
    other = service.add_outcome(top, OutcomeKind.INFORMATION, "Noch ein Ergebnis")
    action = service.add_action_item(top, "Leerstände melden")
    service.approve(setup.spring, AUTUMN, setup.autumn)
    done = MeasuresService(db).choices("status")
    with pytest.raises(ProtocolLockedError):
        service.new_measure_from_outcome(other, NewMeasureData(title="Neu"))
    with pytest.raises(ProtocolLockedError):
        service.update_measure_from_outcome(
            other, MeasureUpdateData(existing, status_id=choice_id(done, "umgesetzt"))
        )
    with pytest.raises(ProtocolLockedError):
        service.link_action_item(action, existing)
    with db.session() as s:
        assert len(s.scalars(select(Measure)).all()) == 1
        status = s.scalar(select(MeasureStatus.name).join(Measure).where(Measure.id == existing))
        assert status == "Idee"
        assert s.get(Outcome, other).measure_id is None  # type: ignore[union-attr]
        assert s.get(ActionItem, action).measure_id is None  # type: ignore[union-attr]


def test_action_item_of_the_minutes_links_to_a_measure(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    outcome = service.add_outcome(top, OutcomeKind.AGREEMENT, "Wohnraumbörse")
    measure_id = service.new_measure_from_outcome(outcome, NewMeasureData(title="Börse"))
    action = service.add_action_item(top, "Leerstände melden", owner_text="Herr Öhler")
    service.link_action_item(action, measure_id)
    assert service.action_item_measures(setup.spring)[action].title == "Börse"
    steps = MeasuresService(db).details(measure_id).action_items
    assert [(a.text, a.meeting_id) for a in steps] == [("Leerstände melden", setup.spring)]
    service.link_action_item(action, None)
    assert service.action_item_measures(setup.spring) == {}


def test_wiedervorlage_brings_back_a_measures_open_next_step(db: Database) -> None:
    """A next step added on a measure (no meeting) before the meeting comes back there."""
    setup = two_meetings(db)
    service = setup.service
    outcome = service.add_outcome(setup.tops(setup.spring)[3], OutcomeKind.AGREEMENT, "Börse")
    measure_id = service.new_measure_from_outcome(outcome, NewMeasureData(title="Wohnraumbörse"))
    with db.session() as s:
        step = measure_actions.add_measure_action(
            s, measure_id, "Vermieter anschreiben", owner_text="Frau Kühn"
        )
        after = measure_actions.add_measure_action(s, measure_id, "Nach dem Treffen")
        done = measure_actions.add_measure_action(s, measure_id, "Schon erledigt")
        measure_actions.set_action_item_done(s, done, True)
        for item, created in ((step, at(SPRING) + timedelta(days=30)),
                              (after, at(AUTUMN) + timedelta(days=1)),
                              (done, at(SPRING) + timedelta(days=30))):  # fmt: skip
            s.execute(update(ActionItem).where(ActionItem.id == item).values(created_at=created))
        s.execute(
            update(ActionItem)
            .where(ActionItem.id == done)
            .values(done_at=at(AUTUMN) - timedelta(days=3))
        )
    review = service.open_items_for_review(setup.autumn)
    assert [(r.id, r.owner, r.from_meeting_title, r.done) for r in review] == [
        (step, "Frau Kühn", "Maßnahme: Wohnraumbörse", False)
    ]
    service.set_action_item_done(step, True)
    assert [(r.id, r.done) for r in service.open_items_for_review(setup.autumn)] == [(step, True)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Kita-Notbetreuung.", "Kita-Notbetreuung"),
        ("Erste Zeile\nzweite Zeile", "Erste Zeile"),
        ("Kita prüfen; Frau Kühn lädt ein.", "Kita prüfen"),
        ("Börse online. Start im Mai.", "Börse online"),
        ("Stand: 40 % (ca. 3 Gemeinden)", "Stand: 40 % (ca. 3 Gemeinden)"),
        ("Angebote, z. B. Wohnungen", "Angebote, z. B. Wohnungen"),
        ("Wort " * 60, ("Wort " * 30).strip() + " …"),
    ],
)
def test_title_from_the_outcome_text(text: str, title: str) -> None:
    assert title_from_text(text) == title


def test_the_protocol_pdf_names_the_measure_of_a_result(db: Database, tmp_path) -> None:  # noqa: ANN001
    """An outcome linked to a measure shows "→ Maßnahme: <title>" in the protocol."""
    from tests.reports.test_protocol_pdf import pdf_text, write

    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    outcome = service.add_outcome(top, OutcomeKind.AGREEMENT, "Kita-Notbetreuung prüfen")
    service.add_outcome(top, OutcomeKind.INFORMATION, "Ohne Maßnahme")
    service.new_measure_from_outcome(outcome, NewMeasureData(title="Kita-Notbetreuung für Pendler"))
    text = pdf_text(write(db, setup.spring, tmp_path / "protokoll.pdf"))
    assert "→ Maßnahme: Kita-Notbetreuung für Pendler" in text
    assert text.count("→ Maßnahme") == 1
