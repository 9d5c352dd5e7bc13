"""``python -m criteria_engine`` works like ``criteria``."""

import sys

from .cli import main

sys.exit(main())
