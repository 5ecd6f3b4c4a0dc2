# Helper module whose import fails with an exception at module level.
value = 1
raise ValueError("mod_raises failed to import")
