"""Entry script of the bundled `multilok` command line (shares the bundle's libraries)."""

import sys

from multilok_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
