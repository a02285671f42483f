#!/usr/bin/env python3
"""Browser check of `netan serve`, in Debian's Chromium driven by Playwright.

Usage: check_live.py BASE_URL CODE [SCREENSHOT_DIR] [--build N]

Opens the facilitator's view (1280x720, as on a projector) and two participants' views in
separate browser contexts (separate sessions, as on separate phones). Participant A adds an
actor whose name is markup; participant B draws a link to it; both changes must reach every
other view through the WebSocket. A dialog (alert) anywhere fails the check: injected markup
must never run. With `--build N`, the two participants then build N more actors through the
forms (A adds them, B links each to a central actor or to the one before), as a room would. Prints one JSON line
with the results; exit status 0 only when all passed.
"""
import json
import sys
import time

from playwright.sync_api import sync_playwright

arguments = [a for a in sys.argv[1:]]
build = 0
if "--build" in arguments:
    k = arguments.index("--build")
    build = int(arguments[k + 1])
    del arguments[k:k + 2]
base, code = arguments[0], arguments[1]
shots = arguments[2] if len(arguments) > 2 else None
failures = []
dialogs = []


def wait_for(predicate, seconds=10.0):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    views = {}
    for name, path, size in [
        ("facilitator", "/", (1280, 720)),
        ("a", "/join", (390, 844)),
        ("b", "/join", (1280, 800)),
    ]:
        context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{base}{path}?code={code}")
        views[name] = page
    for name, page in views.items():
        if not wait_for(lambda: page.evaluate("document.body.getAttribute('data-version')") is not None):
            failures.append(f"{name}: no live connection")

    def version(page):
        v = page.evaluate("document.body.getAttribute('data-version')")
        return int(v) if v is not None else -1

    start = version(views["facilitator"])
    a = views["a"]
    a.fill("#f-actor input[name=name]", "<img src=x onerror=alert(1)><script>alert(2)</script>")
    a.select_option("#actortypes", "clientorganisatie")
    a.click("#f-actor button")
    if not all(wait_for(lambda v=v: version(v) > start) for v in views.values()):
        failures.append("the new actor did not reach every view")
    fac = views["facilitator"]
    if not wait_for(lambda: "onerror=alert(1)" in fac.inner_text("#map")):
        failures.append("the facilitator's map does not show the new actor's name as text")
    b = views["b"]
    wait_for(lambda: b.locator("#f-link select[name=source] option").count() >= 2)
    options = b.eval_on_selector_all("#f-link select[name=source] option", "os => os.map(o => o.value)")
    new_id = [o for o in options if o.startswith("img-src")]
    other = [o for o in options if not o.startswith("img-src")]
    if new_id and other:
        after_actor = version(fac)
        b.select_option("#f-link select[name=source]", other[0])
        b.select_option("#f-link select[name=target]", new_id[0])
        b.select_option("#relationtypes", "overleg")
        b.click("#f-link button")
        if not all(wait_for(lambda v=v: version(v) > after_actor) for v in views.values()):
            failures.append("the new link did not reach every view")
    else:
        failures.append(f"participant B does not list the actors: {options}")
    kinds = ["zorgaanbieder", "zorgaanbieder", "clientorganisatie", "wijkteam", "burgerinitiatief"]
    previous = None
    for n in range(build):
        before = version(fac)
        a.fill("#f-actor input[name=name]", f"Partij {n + 1}")
        a.select_option("#actortypes", kinds[n % len(kinds)])
        a.fill("#f-actor input[name=size]", str(5 + 3 * n))
        a.fill("#f-actor input[name=doel]", "Betere zorg dichtbij" if n % 3 == 0 else "")
        a.click("#f-actor button")
        if not wait_for(lambda: version(fac) > before and version(b) > before):
            failures.append(f"actor {n + 1} did not arrive")
            break
        new = f"partij-{n + 1}"
        hubs = [o for o in other if o in ("gemeente-breda", "zorggroep-west", "gem", "za")] or other
        target = (hubs[n % len(hubs)] if n % 3 != 2 else previous) or (other[0] if other else None)
        wait_for(lambda: b.locator(f"#f-link select[name=source] option[value='{new}']").count() == 1)
        if target:
            before = version(fac)
            b.select_option("#f-link select[name=source]", target)
            b.select_option("#f-link select[name=target]", new)
            b.select_option("#relationtypes", "financiering" if n % 2 == 0 else "overleg")
            b.fill("#f-link input[name=weight]", str(1 + n % 4))
            b.click("#f-link button")
            if not wait_for(lambda: version(fac) > before and version(a) > before):
                failures.append(f"link to actor {n + 1} did not arrive")
                break
        previous = new
    # The facilitator's map fits the projector: the map's box inside the window.
    box = fac.eval_on_selector("#map svg", "e => { const r = e.getBoundingClientRect(); "
                               "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]; }")
    if box[2] > box[4] + 1 or box[3] > box[5] + 1:
        failures.append(f"the map does not fit 1280x720: {box}")
    wait_for(lambda: fac.locator("#findings li").count() > 0)
    # The diagram follows: every actor of the network is drawn on the facilitator's map.
    count = fac.evaluate("fetch('/api/network', {headers: {Authorization: 'Bearer ' + "
                         f"{json.dumps(code)}" "}}).then(r => r.json()).then(n => n.actors.length)")
    if not wait_for(lambda: fac.locator("#map g.node").count() == count, 15):
        failures.append(f"the map shows {fac.locator('#map g.node').count()} of {count} actors")
    if shots:
        time.sleep(0.5)
        fac.screenshot(path=f"{shots}/live-facilitator.png")
        a.screenshot(path=f"{shots}/live-participant.png", full_page=True)
    if dialogs:
        failures.append(f"markup ran: {dialogs}")
    final = {name: version(page) for name, page in views.items()}
    browser.close()

print(json.dumps({"ok": not failures, "failures": failures, "versions": final}))
sys.exit(0 if not failures else 1)
