"""The overview (Überblick): tiles, charts, municipalities, overdue links; the bar chart paints."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtGui import QColor
from sqlalchemy import select

from multilok_desktop.domain import MeasureStatus
from multilok_desktop.domain.taxonomy import ActionField
from multilok_desktop.services import measure_actions
from multilok_desktop.services import measure_editing as editing
from multilok_desktop.services.measure_editing import MeasureInput, PartnerInput
from multilok_desktop.services.measures_service import MeasureFilter, MeasuresService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.measures.chart import Bar, BarChart
from multilok_desktop.ui.measures.overview import MeasureOverview
from tests import factories

TODAY = date(2026, 6, 15)


def value_id(session, model, name: str) -> int:
    return session.scalars(select(model.id).where(model.name == name)).one()


@pytest.fixture
def measures(db: Database) -> dict[str, int]:
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen")
        firm = factories.organisation(s, "Holzbau Müller GmbH", "Unternehmen")
        housing = value_id(s, ActionField, "Wohnen")
        work = value_id(s, ActionField, "Arbeit")
        created = {
            "boerse": MeasureInput(
                title="Wohnraumbörse",
                status_id=value_id(s, MeasureStatus, "in Umsetzung"),
                action_field_ids=(housing, work),
                lead_organisation_id=town,
                target_date=date(2026, 3, 1),
            ),
            "messe": MeasureInput(
                title="Ausbildungsmesse",
                status_id=value_id(s, MeasureStatus, "umgesetzt"),
                action_field_ids=(work,),
                lead_organisation_id=firm,
                partners=(PartnerInput(town),),
                target_date=date(2026, 1, 1),
            ),
            "idee": MeasureInput(
                title="Pendlerstammtisch", status_id=value_id(s, MeasureStatus, "Idee")
            ),
        }
        ids = {key: editing.create_measure(s, data) for key, data in created.items()}
        measure_actions.add_measure_action(
            s, ids["idee"], "Raum suchen", owner_text="Fr. Kühn", due_date=date(2026, 5, 2)
        )
        return ids


@pytest.fixture
def overview(qtbot, db: Database, measures) -> MeasureOverview:  # noqa: ANN001
    widget = MeasureOverview(MeasuresService(db), today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def bars(chart: BarChart) -> dict[str, int]:
    return {bar.label: bar.value for bar in chart.bars}


def test_tiles_and_charts_show_the_counts(overview: MeasureOverview) -> None:
    tiles = {key: tile.number.text() for key, tile in overview.tiles.items()}
    assert tiles == {"total": "3", "open": "2", "done": "1", "overdue": "1", "actions": "1",
                     "attention": "0", "stalled": "0"}  # fmt: skip
    assert bars(overview.status_chart) == {
        "Idee": 1, "in Prüfung": 0, "geplant": 0, "in Umsetzung": 1, "umgesetzt": 1,
        "zurückgestellt": 0, "verworfen": 0,
    }  # fmt: skip
    fields = bars(overview.field_chart)
    assert (fields["Wohnen"], fields["Arbeit"], fields["ohne Handlungsfeld"]) == (1, 2, 1)
    assert bars(overview.light_chart) == {"im Plan": 2, "verzögert": 0, "blockiert": 0}
    assert "Wohnen: 1" in overview.field_chart.toolTip()


def test_municipality_table_counts_lead_and_partner(overview: MeasureOverview) -> None:
    model = overview.municipality_model
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert rows == [["Gemeinde Großwöllmen", 2, 1, 1]]  # the company is no municipality


def test_overdue_first_and_each_line_opens_its_measure(
    overview: MeasureOverview, measures, qtbot
) -> None:  # noqa: ANN001
    text = overview.overdue.text()
    assert "Wohnraumbörse" in text and "seit 106 Tagen überfällig" in text
    assert "Ausbildungsmesse" not in text  # done is not overdue
    assert "Raum suchen" in text and "Fr. Kühn" in text  # the overdue action item
    links = re.findall(r"href='(measure:\d+)'", text)
    assert links == [f"measure:{measures['boerse']}", f"measure:{measures['idee']}"]
    with qtbot.waitSignal(overview.measure_activated) as activated:
        overview.overdue.linkActivated.emit(links[0])  # what a click on the link sends
    assert activated.args == [measures["boerse"]]
    assert "Keine:" in overview.stalled.text()


def test_reload_follows_the_filter(overview: MeasureOverview, db: Database) -> None:
    with db.session() as s:
        housing = value_id(s, ActionField, "Wohnen")
    overview.reload(MeasureFilter(action_field_ids=frozenset({housing})))
    assert overview.tiles["total"].number.text() == "1"
    assert overview.tiles["actions"].number.text() == "0"
    assert bars(overview.status_chart)["in Umsetzung"] == 1


def test_overview_loads_when_first_shown(qtbot, db: Database, measures) -> None:  # noqa: ANN001
    widget = MeasureOverview(MeasuresService(db), today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.reload(MeasureFilter())
    assert widget.data is None  # hidden: nothing asked of the database yet
    widget.show()
    assert widget.data is not None and widget.data.total == 3


def test_municipality_model_passes_the_model_tester(overview, qtmodeltester) -> None:  # noqa: ANN001
    qtmodeltester.check(overview.municipality_model)


def test_bar_chart_paints_its_bars(qtbot) -> None:  # noqa: ANN001
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 100)
    chart.set_bars([Bar("Wohnen", 5, "#ff0000"), Bar("Arbeit", 0), Bar("Soziale und technische "
                   "Infrastruktur mit einem sehr langen Namen", 1, "#00ff00")])  # fmt: skip
    image = chart.grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert "#ff0000" in colours and "#00ff00" in colours
    assert chart.sizeHint().height() >= 3 * chart.fontMetrics().height()
    chart.set_bars([])
    assert not chart.grab().isNull()  # "keine Daten"
