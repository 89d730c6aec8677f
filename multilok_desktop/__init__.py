"""Multilok Desktop: meetings, address book, measures and protocols for a coordination office."""

__version__ = "0.1.0"
APP_NAME = "Multilok"
ORG_NAME = "Multilok"
