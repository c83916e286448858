"""The Trends page: training load and pain charts (matplotlib embedded in Qt).

Importing this package imports nothing heavy; ``journal.ui.trends.page`` imports
matplotlib, and the main window imports it only when the Trends tab is first shown.
"""
