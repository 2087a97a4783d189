#!/usr/bin/env python3
"""Loads a briefing pack's index.html in headless Chromium, as a reader's browser would:
no console messages or script errors, every diagram present and drawn in the rendered DOM, the
sortable tables' script ran; writes full-page screenshots at desktop and phone width and the
page printed to PDF (A4) into PACK-browser/ beside the pack, and checks the print has A4 pages.

Usage: scripts/check-report.py PACK_DIR
Ends with "report-browser: N passed, N failed"; exits 1 if anything failed.
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
         "--enable-logging=stderr", "--v=0"]


def browser(*args):
    r = subprocess.run([BROWSER, *FLAGS, *args], capture_output=True, text=True, timeout=120)
    return r.stdout, r.stderr


def console_messages(stderr):
    """Console output and uncaught errors, as Chromium logs them."""
    return [line for line in stderr.splitlines() if re.search(r"CONSOLE[(:]|Uncaught", line)]


class DOM(html.parser.HTMLParser):
    """What the rendered DOM holds: the figures and their SVG, and the table buttons."""

    def __init__(self):
        super().__init__()
        self.figure = None
        self.figures = {}
        self.th_buttons = 0
        self.in_thead = False
        self.heads = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and (a.get("id") or "").startswith("diagram-"):
            self.figure = a["id"]
            self.figures[self.figure] = {"svg": 0, "nodes": 0, "edges": 0, "width": 0, "label": ""}
        if self.figure:
            f = self.figures[self.figure]
            if tag == "svg":
                f["svg"] += 1
                box = (a.get("viewbox") or a.get("viewBox") or "0 0 0 0").split()
                f["width"] = float(box[2]) if len(box) == 4 else 0
            if tag == "img" and (a.get("src") or "").startswith("data:image/png;base64,") and len(a["src"]) > 10000:
                # A large network's drawing, as its PNG.
                f["svg"] += 1
                f["width"] = 1000
                f["nodes"] += 1
            if tag == "g" and a.get("class") == "node":
                f["nodes"] += 1
            if tag == "g" and a.get("class") == "edge":
                f["edges"] += 1
            if a.get("role") == "img":
                f["label"] = a.get("aria-label", "")
        if tag == "table":
            self.sortable = "sortable" in (a.get("class") or "").split()
        if tag == "thead" and getattr(self, "sortable", False):
            self.in_thead = True
        if self.in_thead and tag == "th":
            self.heads += 1
        if self.in_thead and tag == "button":
            self.th_buttons += 1

    def handle_endtag(self, tag):
        if tag == "figure":
            self.figure = None
        if tag == "thead":
            self.in_thead = False


def page_height(page, width):
    """The page's full height at this width: a copy that writes it into its title."""
    with tempfile.TemporaryDirectory() as tmp:
        # The page is self-contained, so its copy can sit anywhere: never inside the pack.
        probe = os.path.join(tmp, "height-probe.html")
        text = open(page, encoding="utf-8").read().replace(
            "</body>", "<script>document.title = String(document.documentElement.scrollHeight);</script></body>")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(text)
        dom, _ = browser(f"--window-size={width},900", "--dump-dom", "file://" + probe)
    m = re.search(r"<title>(\d+)</title>", dom)
    return int(m.group(1)) if m else 20000


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    if BROWSER is None:
        raise SystemExit("no Chromium found; scripts/setup --tests installs it (Debian: chromium)")
    folder = os.path.abspath(sys.argv[1])
    page = os.path.join(folder, "index.html")

    # The detector itself: a page with a console message and a script error must be caught.
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.html")
        with open(bad, "w") as f:
            f.write("<!DOCTYPE html><html><body><script>console.error('x'); notDefined();</script></body></html>")
        _, err = browser("--dump-dom", "file://" + bad)
        check(len(console_messages(err)) == 2, "the console check catches a console message and a script error")

    dom, err = browser("--window-size=1280,900", "--dump-dom", "file://" + page)
    messages = console_messages(err)
    check(not messages, "console messages or script errors:\n  " + "\n  ".join(messages))
    d = DOM()
    d.feed(dom)
    # A mission that lists an earlier wave adds the two change views.
    views = ["diagram-full", "diagram-groups", "diagram-silos", "diagram-voices", "diagram-willing"]
    if os.path.exists(os.path.join(os.path.dirname(page), "data", "changes.json")):
        views += ["diagram-change", "diagram-change-before"]
    # A mission with a portfolio adds its view.
    if os.path.exists(os.path.join(os.path.dirname(page), "data", "initiatives.csv")):
        views += ["diagram-portfolio"]
    # An internal pack of rated actors adds the power–interest chart.
    if 'id="grid-title"' in dom and os.path.exists(os.path.join(os.path.dirname(page), "diagrams", "grid.svg")):
        views += ["diagram-grid"]
    check(sorted(d.figures) == sorted(views), f"diagrams in the DOM: {sorted(d.figures)}")
    if len(views) > 5:
        check("What changed since" in dom and 'id="change-tables"' in dom, "the page has its change section and tables")
    for name, f in sorted(d.figures.items()):
        check(f["svg"] == 1 and f["width"] > 100, f"{name}: an SVG whose drawing is {f['width']} points wide")
        check(f["nodes"] > 0, f"{name}: {f['nodes']} nodes drawn")
        check(len(f["label"]) > 40, f"{name}: its text alternative")
    check(d.heads > 0 and d.th_buttons == d.heads, f"sortable tables: {d.th_buttons} buttons for {d.heads} column headings (the script ran)")

    # Full-page screenshots, desktop and phone, and the page printed: beside the pack, in
    # PACK-browser/, so that the pack holds only what it wrote and the next report may replace it.
    shots = folder + "-browser"
    os.makedirs(shots, exist_ok=True)
    for label, width in (("desktop", 1280), ("phone", 390)):
        height = page_height(page, width)
        check(height > 2000, f"{label}: page height {height}")
        out = os.path.join(shots, f"screenshot-{label}.png")
        _, err = browser(f"--window-size={width},{min(height, 30000)}", f"--screenshot={out}", "file://" + page)
        check(os.path.exists(out) and os.path.getsize(out) > 20000, f"{label} screenshot written to {out}")
        check(not console_messages(err), f"{label}: console messages")
    printed = os.path.join(shots, "printed.pdf")
    browser("--no-pdf-header-footer", f"--print-to-pdf={printed}", "file://" + page)
    check(os.path.exists(printed), "printed to PDF")
    if shutil.which("pdfinfo") and os.path.exists(printed):
        info = subprocess.run(["pdfinfo", printed], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        check(pages >= 5, f"printed: {pages} pages")
        check(size is not None and abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1,
              f"printed on A4: {size.group(0) if size else info}")
    print(f"report-browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
