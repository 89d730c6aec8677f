"""Entry script of the bundled window (PyInstaller needs a file, not a module path)."""

import sys

from multilok_desktop.launcher import main

if __name__ == "__main__":
    sys.exit(main())
