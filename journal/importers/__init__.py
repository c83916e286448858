"""Importing runs from watch files and exports (issue 6).

One module per source, each a pure parser from bytes to plain records
(``records.ParseResult``), testable without a journal: ``gpx``, ``tcx``, ``fit``,
``strava`` (activities.csv of a bulk export), ``garmin_csv`` (Garmin Connect's
Activities.csv). ``sources`` turns chosen files, folders and zips into files to read;
``dedupe`` recognises the same activity twice; ``run.import_paths`` ties them together
and writes the new runs in one transaction. ``values`` documents how times are
converted (UTC to this computer's local time). Nothing here imports Qt, and this
package file imports nothing, so start-up does not pay for gpxpy or fitdecode.
"""
