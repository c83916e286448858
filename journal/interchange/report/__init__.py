"""The summary for a doctor visit: the report as plain data (``report_model``), then the PDF (``pdf``).

Import the submodules directly; this package imports nothing heavy at start-up.
"""
