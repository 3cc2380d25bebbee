"""Files in and out: Party-document PDFs (and later workbooks and sync packages).

This layer takes and gives plain data: it never opens the database or calls services.
"""
