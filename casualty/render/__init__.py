"""Rendering: turn reconciled reports and claims into tables, Markdown, CSV, JSON and HTML."""
