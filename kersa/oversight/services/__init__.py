"""Writes of the oversight room, one module per family: ``monev`` (Pasal 28),
``perselisihan`` (Pasal 29–30), ``pembinaan`` (Pasal 40–44)."""

from .monev import *  # noqa: F401,F403
from .pembinaan import *  # noqa: F401,F403
from .perselisihan import *  # noqa: F401,F403
