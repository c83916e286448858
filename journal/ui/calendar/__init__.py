"""The Calendar page: a month at a glance (``page.CalendarPage``), built the first time its tab is shown."""
