"""The cadre record dialog, one module per tab (`record.CadreRecordDialog` assembles them)."""
