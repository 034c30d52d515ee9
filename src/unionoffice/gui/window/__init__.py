"""The main window: its layout and wiring, opening and switching databases, start-up."""
