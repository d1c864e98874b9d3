"""End to end in a real browser: Debian's headless Chromium driven by Playwright, against the
app started with `streamlit run` on a loopback port, drafting with the real offline model and
sending to a real SMTP server (aiosmtpd) on loopback. Screenshots of every page are saved under
test-output/e2e/ for a person to look at.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from helpers import REPO, SmtpInbox, free_port
from knowledge.ingest import ingest_bundled
from replycoach.settings import Settings
from sending.workspace import load_workspace

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"
SHOTS = REPO / "test-output" / "e2e"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--no-first-run"]
MESSAGE = ("Hi, I opened the toothpaste I bought last week and honestly the taste is awful. "
           "Can I get my money back? I'm really annoyed.")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app on a free loopback port, with a fresh home, the bundled knowledge and an SMTP server."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs the Debian package chromium")
    home = tmp_path_factory.mktemp("e2e-home")
    ingest_bundled("playbook", Settings(home=home))
    ingest_bundled("policy", Settings(home=home))
    inbox = SmtpInbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    port = free_port()
    env = dict(os.environ, REPLYCOACH_HOME=str(home), REPLYCOACH_SMTP_HOST="127.0.0.1",
               REPLYCOACH_SMTP_PORT=str(smtp.port), REPLYCOACH_SENDER="care@brightside.example")
    log = (home / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail((home / "streamlit.log").read_text()[-3000:])
            time.sleep(0.3)
    yield url, inbox, home
    process.terminate()
    process.wait(timeout=30)
    smtp.stop()
    log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def settle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=600_000)


def eventually(check, timeout: float = 60) -> None:
    """Poll ``check`` until it is true: Streamlit updates the page after its script reruns."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the page did not update in time"
        time.sleep(0.25)


def textbox(page, label: str):
    return page.get_by_role("textbox", name=re.compile("^" + re.escape(label))).first


def fill(page, label: str, text: str) -> None:
    box = textbox(page, label)
    box.fill(text)
    box.press("Control+Enter")
    settle(page)


def test_draft_fix_send_and_find_it_in_history(app, browser):
    url, inbox, home = app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_text("Draft a reply", exact=True).first.wait_for(timeout=60_000)
    fill(page, "Customer's message", MESSAGE)
    fill(page, "Customer name", "Dana Whitfield")
    fill(page, "Customer email", "dana@example.com")
    fill(page, "Your decision", "decline refund (opened personal care); offer 50% store credit or 15% off next order")
    page.get_by_role("button", name="Draft reply").click()
    page.get_by_text(re.compile("Ready to send|Revise:|Blocked:")).first.wait_for(timeout=600_000)
    settle(page)
    reply = textbox(page, "Reply")
    expect(reply).to_have_value(re.compile(r"^Hi Dana,"), timeout=30_000)
    expect(page.get_by_text("Analysis and sources")).to_have_count(1, timeout=30_000)
    shot(page, "1-drafted")

    # The agent adds a rule-quoting sentence: the review highlights it and offers the fix.
    text = reply.input_value()
    first_break = text.index("\n\n") + 2
    fill(page, "Reply", text[:first_break] + "Per our policy, opened items cannot be refunded. " + text[first_break:])
    page.locator("mark", has_text="Per our policy").first.wait_for(timeout=30_000)
    eventually(lambda: page.get_by_role("button", name="Send").is_disabled())
    shot(page, "2-flagged")
    page.locator(".st-key-apply-rule_quoting button").click()  # the button keyed to this check
    eventually(lambda: "Per our policy" not in textbox(page, "Reply").input_value())
    settle(page)
    shot(page, "3-fixed")

    if page.get_by_role("textbox", name=re.compile("^Reason to send")).count():
        fill(page, "Reason to send without fixing", "Checked by hand: the reply answers the customer fully.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text(re.compile("Sent by email")).wait_for(timeout=60_000)
    shot(page, "4-sent")
    deadline = time.monotonic() + 10
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.1)
    assert inbox.messages and inbox.messages[0]["To"] == "Dana Whitfield <dana@example.com>"
    assert "Hi Dana," in inbox.messages[0].get_payload()

    page.get_by_role("link", name="History").click()
    page.get_by_text("Export as CSV").wait_for(timeout=60_000)
    settle(page)
    page.get_by_text("Dana Whitfield").first.wait_for(timeout=30_000)
    page.locator("[data-testid='stDataFrame'] canvas").first.wait_for(timeout=30_000)  # the grid paints late
    page.wait_for_timeout(1500)
    shot(page, "5-history")
    for name, link in (("6-knowledge", "Playbook and policy"), ("7-settings", "Settings")):
        page.get_by_role("link", name=link).click()
        page.wait_for_timeout(500)
        settle(page)
        assert page.get_by_text("Traceback").count() == 0
        shot(page, name)


def test_a_reload_keeps_the_agents_work(app, browser):
    url, _, home = app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_text("Draft a reply", exact=True).first.wait_for(timeout=60_000)
    fill(page, "Customer's message", "My kettle arrived broken. What can you do?")
    page.wait_for_function("() => window.location.search.includes('w=')", timeout=30_000)
    workspace = parse_qs(urlparse(page.url).query)["w"][0]
    # Streamlit sends the text when the box is submitted; wait until the app has saved it,
    # since reloading before that would rightly lose it.
    eventually(lambda: (load_workspace(Settings(home=home), workspace) or {}).get("message")
               == "My kettle arrived broken. What can you do?")
    page.reload()
    # On a loaded machine the box can render empty for a moment before the restored value
    # arrives, so wait for the value rather than reading it once.
    expect(textbox(page, "Customer's message")).to_have_value(
        "My kettle arrived broken. What can you do?", timeout=30_000)
