"""tests/integration/test_pdf_branch_resolution.py on PostgreSQL (see __init__.py)."""

from tests.integration.test_pdf_branch_resolution import *  # noqa: F403
from tests.server.on_postgres import keep_db_tests

keep_db_tests(globals())
