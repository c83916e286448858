"""File > Import: choosing files, a cancellable progress dialog, the work off the GUI thread, the report."""
