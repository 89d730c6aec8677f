"""`python -m multilok_desktop` opens the window."""

import sys

from .launcher import main

sys.exit(main())
