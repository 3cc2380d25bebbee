"""Reusable widgets: dates typed as dd/mm/yyyy, inline field errors."""
