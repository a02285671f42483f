#!/usr/bin/env python3
"""Checks netan's interactive page (`netan render … -o view.html`) in Debian's Chromium,
driven by Playwright, as a presenter would use it.

Usage: check_interactive.py PAGE.html [SCREENSHOT.png]

- The map fits the window on load at 1280x720 and at 1920x1080 (the drawing's box inside the
  map area, and the map area inside the window).
- Every filter box, clicked off, hides exactly the actors of its type (or the lines whose only
  relation type it is), and clicked on again brings everything back.
- Zoom in changes the view, Fit brings back the fitted view; search marks the actor found;
  the step-by-step reveal shows one more type per step and ends with everything.
- Hovering an actor shows a tooltip with its name and no raw key (snake_case).
- "PNG" downloads a PNG of the current view, at least 1000 pixels wide or high.
- No console errors and no request to any other address than the page itself.
Prints one JSON line; exit status 0 only when everything passed.
"""
import json
import re
import struct
import sys

from playwright.sync_api import sync_playwright

page_path = sys.argv[1]
shot = sys.argv[2] if len(sys.argv) > 2 else None
failures = []
errors = []
outside = []

HIDDEN = "e => getComputedStyle(e).display === 'none'"


def hidden_ids(page, selector):
    return set(page.eval_on_selector_all(
        selector, "els => els.filter(e => getComputedStyle(e).display === 'none').map(e => e.id)"))


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for width, height in [(1280, 720), (1920, 1080)]:
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
        page.goto("file://" + page_path)
        page.wait_for_timeout(300)
        fit = page.evaluate("""() => {
            const map = document.getElementById('map').getBoundingClientRect();
            const g = document.querySelector('#map g.graph').getBoundingClientRect();
            return {map: [map.left, map.top, map.right, map.bottom], drawn: [g.left, g.top, g.right, g.bottom],
                    window: [innerWidth, innerHeight]};
        }""")
        m, d, w = fit["map"], fit["drawn"], fit["window"]
        if m[2] > w[0] + 1 or m[3] > w[1] + 1:
            failures.append(f"{width}x{height}: the map area is larger than the window: {m}")
        if d[0] < m[0] - 2 or d[1] < m[1] - 2 or d[2] > m[2] + 2 or d[3] > m[3] + 2:
            failures.append(f"{width}x{height}: the drawing does not fit the map area: {d} in {m}")
        if (d[2] - d[0]) < 0.8 * (m[2] - m[0]) and (d[3] - d[1]) < 0.8 * (m[3] - m[1]):
            failures.append(f"{width}x{height}: the drawing does not fill the map area: {d} in {m}")
        if width == 1920:
            break
        if shot:
            page.screenshot(path=shot)
        context.close()

    data = page.evaluate("JSON.parse(document.getElementById('netan-data').textContent)")
    actors = {a["id"]: a for a in data["actors"]}
    # Filter boxes.
    boxes = page.query_selector_all("#filters input")
    if not boxes:
        failures.append("no filter boxes")
    for box in boxes:
        group, value = box.get_attribute("data-group"), box.get_attribute("value")
        box.click()
        if group == "type":
            expected = {i for i, a in actors.items() if a["typeKey"] == value}
            got = hidden_ids(page, "#map g.node")
            if got != expected:
                failures.append(f"type box {value}: hides {sorted(got)[:5]} instead of {sorted(expected)[:5]}")
        else:
            only = {pr["id"] for pr in data["pairs"] if all(t == value for t in pr["types"])}
            got = hidden_ids(page, "#map g.edge")
            if not only <= got or got - only:
                failures.append(f"relation box {value}: hides {sorted(got)[:5]} instead of {sorted(only)[:5]}")
        box.click()
        if hidden_ids(page, "#map g.node") or hidden_ids(page, "#map g.edge"):
            failures.append(f"box {value}: ticking it again does not bring everything back")
    # Zoom and fit.
    before = page.get_attribute("#map svg", "viewBox")
    page.click("#zoomin")
    zoomed = page.get_attribute("#map svg", "viewBox")
    page.click("#fit")
    if zoomed == before or page.get_attribute("#map svg", "viewBox") != before:
        failures.append(f"zoom/fit: {before} -> {zoomed} -> {page.get_attribute('#map svg', 'viewBox')}")
    # Search.
    first = next(iter(actors.values()))
    page.fill("#search", first["name"][:6])
    if "found" not in (page.get_attribute(f"#{first['id']}", "class") or ""):
        failures.append(f"search for {first['name'][:6]!r} does not mark {first['name']}")
    page.fill("#search", "")
    # Step-by-step reveal.
    reveal = data["reveal"]
    for k in range(len(reveal)):
        page.click("#next")
        shown = {a["typeKey"] for i, a in actors.items() if i not in hidden_ids(page, "#map g.node")}
        if shown != set(reveal[: k + 1]):
            failures.append(f"step {k + 1}: shows {sorted(shown)} instead of {reveal[: k + 1]}")
            break
    page.click("#next")
    if hidden_ids(page, "#map g.node"):
        failures.append("after the last step not everything is shown again")
    # Tooltip in plain words.
    # Point at the shape, not the middle of the node's box (the label can sit beside it).
    page.locator(f"#{first['id']} :is(ellipse, polygon, path)").first.hover()
    tip = page.inner_text("#tip") if page.is_visible("#tip") else ""
    if first["name"] not in tip:
        failures.append(f"no tooltip with the name on hover: {tip!r}")
    if re.search(r"\b[a-z]+_[a-z]+\b", tip):
        failures.append(f"raw key in the tooltip: {tip!r}")
    # PNG export.
    with page.expect_download() as download:
        page.click("#png")
    path = download.value.path()
    head = open(path, "rb").read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        failures.append("the export is not a PNG")
    else:
        w, h = struct.unpack(">II", head[16:24])
        if max(w, h) < 1000:
            failures.append(f"the PNG is small: {w}x{h}")
    browser.close()

if errors:
    failures.append(f"console errors: {errors[:3]}")
if outside:
    failures.append(f"requests to other addresses: {outside[:3]}")
print(json.dumps({"ok": not failures, "failures": failures}))
sys.exit(0 if not failures else 1)
