"""Alembic environment: always run on the connection the program hands over."""

from alembic import context

from unionoffice.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("UnionOffice migrations run through unionoffice.storage.migrations")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
