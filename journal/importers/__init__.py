"""Importing runs from watch files and exports (issue 6).

One module per source, each a pure parser from bytes to plain records
(``records.ParseResult``), testable without a journal: ``gpx``, ``tcx``, ``fit``,
``strava`` (activities.csv of a bulk export), ``garmin_csv`` (Garmin Connect's
Activities.csv, in the languages of ``garmin_languages``). ``sources`` turns chosen
files, folders and zips into files to read; ``dedupe`` recognises the same run twice;
``run.import_paths`` reads them and ``saving.save_batch`` writes the new runs in one
transaction; ``watched`` imports what arrives in watched folders, once. ``values``
documents how times are converted (UTC to this computer's local time), ``duration``
the one definition of a run's duration (elapsed time). Nothing here imports Qt, and this
package file imports nothing, so start-up does not pay for gpxpy or fitdecode.
"""
