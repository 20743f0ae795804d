"""Alembic environment: migrations run on the connection the store hands over, never from a config URL."""

from alembic import context

from counterpoint.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
