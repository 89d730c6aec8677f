"""Sitzungsmodus and the protocols view."""

# Set in QSettings while a Sitzungsmodus window is open; found at start-up it means a crash.
OPEN_MINUTES_KEY = "minutes/open_meeting"
