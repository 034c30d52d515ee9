"""The Qt layer: main window, item models, views, dialogs and undo commands."""
