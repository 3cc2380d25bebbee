"""tests/integration/test_excel_import.py on PostgreSQL (see __init__.py)."""

from tests.integration.test_excel_import import *  # noqa: F403
from tests.server.on_postgres import keep_db_tests

keep_db_tests(globals())
