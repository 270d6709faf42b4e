"""``python -m hqdesk.cli``: the same as ``hqdesk-admin``."""

import sys

from hqdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
