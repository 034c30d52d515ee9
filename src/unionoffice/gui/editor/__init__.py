"""The notice editor: header fields, body with heading levels, undo, page preview, recovery."""
