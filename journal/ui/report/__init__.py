"""The Report tab: the summary for a doctor visit (preview, print, PDF) and the CSV and FHIR exports."""
