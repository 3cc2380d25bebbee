"""tests/integration/test_cadres_and_checks.py on PostgreSQL (see __init__.py)."""

from tests.integration.test_cadres_and_checks import *  # noqa: F403
from tests.server.on_postgres import keep_db_tests

keep_db_tests(globals())
