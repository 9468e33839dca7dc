"""Writers for ``analyze`` outputs: terminal table, JSON, CSV, xlsx and Markdown."""
