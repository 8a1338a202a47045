"""Exchange formats, one per module: iCalendar, frab schedule, graph formats, safe tables."""
