"""One module per group of figures; each returns bench.results.Result rows."""
