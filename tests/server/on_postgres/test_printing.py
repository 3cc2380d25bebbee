"""tests/integration/test_printing.py on PostgreSQL (see __init__.py)."""

from tests.integration.test_printing import *  # noqa: F403
from tests.server.on_postgres import keep_db_tests

keep_db_tests(globals())
