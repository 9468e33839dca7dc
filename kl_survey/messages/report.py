"""The report writer's own lines (``kl_survey/report/writer.py``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "report.unknown-format": ("Ukendt format: {formats}", "Unknown format: {formats}"),
    "report.unknown-format.hint": ("Vælg blandt {choices}", "Choose from {choices}"),
    "report.making-pdf": ("Laver PDF", "Making the PDF"),
    "report.drawing": ("Tegner figurer", "Drawing figures"),
}
