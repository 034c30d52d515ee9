"""What the window does with notices and files: new/copy/delete, import, Word export, timetables."""
