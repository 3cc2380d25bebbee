"""Party documents as PDF (reportlab): the shared frame and one module per form."""
