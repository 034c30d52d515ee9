"""The 日历 tab: month and year views, their painting, colours and holidays."""
