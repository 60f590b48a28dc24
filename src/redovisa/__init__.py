"""redovisa: financial follow-up and statutory reports for Swedish municipalities.

The pipeline runs one way: ``sie`` (read SIE4) -> ``ledger`` (the store) ->
compute packages (``coa``, ``statements``, ...) -> ``report`` -> ``render`` /
``checks`` -> ``cli`` / ``web``. Imports only point down.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
