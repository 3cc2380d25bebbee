"""Spreadsheets in and out: list exports, report layouts, member-list import (openpyxl)."""
