"""Functions that spawned worker processes import by name (pickled by reference)."""

from __future__ import annotations

from typing import Any

import freigabe


def check(engine: freigabe.Engine, draft: Any, now: str) -> freigabe.Report:
    """Checks one draft in a worker process."""
    return engine.check(draft, now=now)
