"""Persistence: SQLAlchemy models, the engine, migrations, backups and read queries."""
