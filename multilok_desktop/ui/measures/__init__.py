"""Maßnahmen: the measures tracker's view — table, filters, detail pane and the forms."""
