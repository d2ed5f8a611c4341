"""Reads of the oversight room, one module per family."""

from .monev import *  # noqa: F401,F403
from .pembinaan import *  # noqa: F401,F403
from .perselisihan import *  # noqa: F401,F403
