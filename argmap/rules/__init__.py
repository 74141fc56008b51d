"""Optional rules of ``argmap check``: chosen with ``--select`` and ``--ignore``."""
