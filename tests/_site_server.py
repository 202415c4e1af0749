"""Serve a built site on 127.0.0.1 until a test run ends: `python _site_server.py SITE_DIR RUN_PID`.

It prints its base URL on the first line, then serves until the process RUN_PID (the pytest run, or the
pytest-xdist controller whose workers share the site) has exited. One server per site per run: the site is
built for this address (Material's instant navigation needs site_url to match it, port included), so every
worker must use the same one.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request."""

    def log_message(self, *args):
        pass


def running(pid: int) -> bool:
    """Whether the process pid still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(directory: str, run_pid: int) -> None:
    """Serve directory on a free loopback port while run_pid runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while running(run_pid):
        time.sleep(0.5)
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
