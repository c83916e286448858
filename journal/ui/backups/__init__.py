"""File > Restore from backup: the list of backups with dates and entry counts, and the restore itself."""

from journal.ui.backups.dialog import BackupListDialog, choose_backup, run_restore_dialog

__all__ = ["BackupListDialog", "choose_backup", "run_restore_dialog"]
