"""``python -m hqdesk``: the GUI (see hqdesk.app and hqdesk.ui.startup)."""

import time

_STARTED = time.perf_counter()

if __name__ == "__main__":
    import sys

    from hqdesk.app import main

    sys.exit(main(started=_STARTED))
