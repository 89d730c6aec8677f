"""The start page (Übersicht): next meeting, due action items, measures, privacy reviews."""
