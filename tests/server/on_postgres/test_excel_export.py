"""tests/integration/test_excel_export.py on PostgreSQL (see __init__.py)."""

from tests.integration.test_excel_export import *  # noqa: F403
from tests.server.on_postgres import keep_db_tests

keep_db_tests(globals())
