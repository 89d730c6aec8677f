"""The search-index upkeep is installed on every new database, however many came before."""

from __future__ import annotations

import gc

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from multilok_desktop.storage import index_upkeep


def test_every_new_session_factory_gets_the_upkeep() -> None:
    # Factories made and dropped in a row reuse object ids; each must still be installed.
    for round_ in range(300):
        factory = sessionmaker(bind=create_engine("sqlite://"))
        index_upkeep.install(factory)
        session = factory()
        assert index_upkeep.after_flush in [
            listener for listener in session.dispatch.after_flush
        ], f"round {round_}"
        session.close()
        del factory, session
        if round_ % 5 == 0:
            gc.collect()


def test_installing_twice_adds_one_listener() -> None:
    factory = sessionmaker(bind=create_engine("sqlite://"))
    index_upkeep.install(factory)
    index_upkeep.install(factory)
    session = factory()
    assert list(session.dispatch.after_flush).count(index_upkeep.after_flush) == 1
    session.close()
