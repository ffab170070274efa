#!/usr/bin/python3
"""Waits until a running app's window shows a text, read the way a screen reader reads it:
through the accessibility bus (AT-SPI), so it needs no WebDriver session and works for a
process the test did not start (an app that restarted itself after an update).

    window_text.py <application name> <expected text> [timeout seconds]

Exits 0 once some window of the application shows the text, printing what the window shows;
exits 1 on timeout, printing what the windows showed last. Needs Debian's python3-gi and
gir1.2-atspi-2.0, and a D-Bus session (the accessibility bus is started on demand).
"""

import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_DEPTH = 80


def shown_text(node, depth=0):
    """The names and text of an accessible node and everything under it, one per line."""
    if node is None or depth > MAX_DEPTH:
        return []
    lines = []
    try:
        name = node.get_name() or ""
        text = ""
        if "Text" in node.get_interfaces():
            text = Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))
        line = " ".join(part for part in (name, text) if part).strip()
        if line:
            lines.append(line)
        for i in range(node.get_child_count()):
            lines.extend(shown_text(node.get_child_at_index(i), depth + 1))
    except gi.repository.GLib.Error:
        # A node that went away while it was read (the page redrew): the next pass reads it.
        pass
    return lines


def windows_of(application):
    desktop = Atspi.get_desktop(0)
    apps = (desktop.get_child_at_index(i) for i in range(desktop.get_child_count()))
    return [app for app in apps if app is not None and app.get_name() == application]


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    application, expected = sys.argv[1], sys.argv[2]
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
    deadline = time.monotonic() + timeout
    last = []
    while time.monotonic() < deadline:
        for app in windows_of(application):
            last = shown_text(app)
            if any(expected in line for line in last):
                print("\n".join(last))
                return 0
        time.sleep(0.5)
    print(f"no window of {application!r} showed {expected!r} within {timeout:.0f} s; it showed:", file=sys.stderr)
    print("\n".join(last) or "(no window of that application)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
