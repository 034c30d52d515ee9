"""Activity tables: a notice's plan and 全部活动, their columns, delegates, filters and undo."""
