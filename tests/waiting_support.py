"""Helpers of the tests that a window never waits for a server that does not answer: an
address that takes connections and never answers, and a timer that measures how long the
window's thread was kept from its events."""

from __future__ import annotations

import socket
import time


class Ticks:
    """A timer on the window's thread, ticking every 20 ms: the longest wait between two
    ticks is how long the window's thread was kept from its events."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start()

    def longest_gap(self) -> float:
        self.timer.stop()
        return max(b - a for a, b in zip(self.times, self.times[1:]))


def black_hole(port: int) -> socket.socket:
    """A server address that takes connections and never answers (a machine gone, a firewall
    that drops): libpq waits its connect_timeout (10 s) on each try there."""
    hole = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    hole.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    hole.bind(("127.0.0.1", port))
    hole.listen(64)
    return hole
