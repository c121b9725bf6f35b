"""Builds by engines other than MkDocs, from the same rendered pages (see DESIGN.md)."""
