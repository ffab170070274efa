#!/usr/bin/python3
"""A running app's windows as a screen reader sees them, through the accessibility bus
(AT-SPI): for a process no WebDriver session drives (an app restarted by its updater, an app
whose last window is closed through its own menu).

    a11y.py shows <application> <text> [timeout s]   wait until a window shows the text
    a11y.py windows <application>                    print how many windows are open
    a11y.py choose <application> <window> <item>     choose a menu item of the n-th window

`shows` exits 0 once some window of the application shows the text, printing what that
window shows; 1 on timeout, printing what the windows showed last. `choose` activates the
item as a click would (its accessible action) and exits 1 when there is no such item. Needs
Debian's python3-gi and gir1.2-atspi-2.0 and a D-Bus session (the accessibility bus starts on
demand).
"""

import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

MAX_DEPTH = 80


def nodes(node, depth=0):
    """The node and everything under it, depth first."""
    if node is None or depth > MAX_DEPTH:
        return
    yield node
    try:
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    except GLib.Error:
        # A node that went away while it was read (the page redrew): the next pass reads it.
        return
    for child in children:
        yield from nodes(child, depth + 1)


def shown_text(node):
    """The names and text of a node and everything under it, one line each."""
    lines = []
    for n in nodes(node):
        try:
            text = ""
            if "Text" in n.get_interfaces():
                text = Atspi.Text.get_text(n, 0, Atspi.Text.get_character_count(n))
            line = " ".join(part for part in (n.get_name() or "", text) if part).strip()
        except GLib.Error:
            continue
        if line:
            lines.append(line)
    return lines


def application(name):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            return app
    return None


def windows(name):
    app = application(name)
    if app is None:
        return []
    return [w for w in (app.get_child_at_index(i) for i in range(app.get_child_count())) if w is not None]


def shows(name, expected, timeout):
    deadline = time.monotonic() + timeout
    last = []
    while time.monotonic() < deadline:
        for window in windows(name):
            last = shown_text(window)
            if any(expected in line for line in last):
                print("\n".join(last))
                return 0
        time.sleep(0.5)
    print(f"no window of {name!r} showed {expected!r} within {timeout:.0f} s; it showed:", file=sys.stderr)
    print("\n".join(last) or "(no window of that application)", file=sys.stderr)
    return 1


def choose(name, index, item):
    open_windows = windows(name)
    if index >= len(open_windows):
        print(f"{name!r} has {len(open_windows)} windows, not a window {index}", file=sys.stderr)
        return 1
    for n in nodes(open_windows[index]):
        if n.get_role_name() == "menu item" and n.get_name() == item and "Action" in n.get_interfaces():
            Atspi.Action.do_action(n, 0)
            return 0
    print(f"window {index} of {name!r} has no menu item {item!r}", file=sys.stderr)
    return 1


def main():
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "shows":
        return shows(args[1], args[2], float(args[3]) if len(args) > 3 else 60.0)
    if len(args) == 2 and args[0] == "windows":
        print(len(windows(args[1])))
        return 0
    if len(args) == 4 and args[0] == "choose":
        return choose(args[1], int(args[2]), args[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
