from .ksdd import *  # noqa: F403
from .langkah import *  # noqa: F403
from .reference import *  # noqa: F403
from .riwayat import *  # noqa: F403
