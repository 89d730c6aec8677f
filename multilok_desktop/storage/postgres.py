"""A shared PostgreSQL server (`--db postgresql+psycopg://user@host:port/db`).

The same models and Alembic migrations as the SQLite file; what differs is kept small:
no pragmas, no FTS5 (the searches fall back to portable SQL, services/search.py), no file
backups (the server's own dumps do that), and these German messages for what goes wrong
when connecting.
"""

from __future__ import annotations


def server_reason(message: str) -> str:
    """A clerk-readable German reason for a failed connection (psycopg's text as given)."""
    lowered = message.lower()
    if "connection refused" in lowered or "could not connect" in lowered:
        return (
            "der Datenbankserver ist nicht erreichbar – läuft er, und stimmen Rechnername und Port?"
        )
    if "timeout" in lowered or "timed out" in lowered:
        return "der Datenbankserver antwortet nicht (Zeitüberschreitung)."
    if "name or service not known" in lowered or "could not translate host" in lowered:
        return "den Rechnernamen des Datenbankservers gibt es nicht."
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return "die Anmeldung wurde abgelehnt – Benutzername oder Passwort stimmen nicht."
    if "does not exist" in lowered and "database" in lowered:
        return "diese Datenbank gibt es auf dem Server nicht – bitte zuerst anlegen lassen."
    if "permission denied" in lowered:
        return "der Benutzer hat auf dem Server keine ausreichenden Rechte."
    return message.strip().splitlines()[0] if message.strip() else message
