"""Persistence: SQLAlchemy models, database setup, migrations and the services over them."""
