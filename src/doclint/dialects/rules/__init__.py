"""Rules that belong to one dialect: each dialect names its own in ``own_rules``, and
the engine runs them only on that dialect's pages."""
