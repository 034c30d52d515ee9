"""The 公文目录 dock: the notice tree (plain Python nodes) and its Qt model and widget."""
