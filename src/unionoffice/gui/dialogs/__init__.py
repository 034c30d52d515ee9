"""Dialogs: settings, organs and departments, holidays, first run, backups, export,
timetables, import results."""
