"""Hooks the search-index upkeep (search_index.py) onto a session factory.

Kept apart from search_index so opening a database does not load the domain models: the
upkeep needs them only when a flush happens, and a flush means they are loaded already.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker


def install(factory: sessionmaker[Session]) -> None:
    # A mark on the factory itself, not `event.contains`: SQLAlchemy's event registry is
    # keyed by object id, and a new factory that reuses the id of a collected one was
    # reported as already listening — its sessions then kept no index (flaky searches).
    if getattr(factory, "_multilok_search_index", False):
        return
    event.listen(factory, "after_flush", after_flush)
    factory._multilok_search_index = True  # type: ignore[attr-defined]


def after_flush(session: Session, context: UOWTransaction) -> None:
    from .search_index import refresh_after_flush

    refresh_after_flush(session, context)
