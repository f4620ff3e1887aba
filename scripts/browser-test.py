#!/usr/bin/env python3
"""Browser test: Lodestar's demo in headless Chromium, as a new user would meet it.

Starts `lodestar serve --demo` on a free port in a temporary directory, reads the demo sign-ins
it prints, and for each role signs in through the real form, checks that role's home page and
that another role's pages are refused; a wrong password must show the error. Then the journey:
the manager publishes the demo matching; the mentee signs the agreement, adds a goal, arranges
and moves a meeting and subscribes to the calendar feed; the mentor sees it all but the private
note and cancels the meeting; the admin creates a second programme, opens its first cycle, answers its readiness check,
opens the cycle for enrolment, imports a people CSV (refused with its line and column, then
fixed, previewed and confirmed), invites three people to apply from a directory search, assigns the
mentor handbook as mentor training and makes it a rule before matching; the mentor and the mentee
apply through their profile forms (an empty availability refused) and the mentor passes the quiz
(a wrong answer named first); the admin accepts both — the invited person who never applied stays
out — moves the cycle to matching and publishes the plan; then appoints the programme's manager;
the mentee reads their inbox. Every .ics is parsed by the icalendar package (an independent
parser). Needs Debian's `chromium` and `chromium-driver`; Selenium and icalendar are installed
from PyPI into .venv-browser on first use.

    python3 scripts/browser-test.py [--binary PATH] [--screenshots DIR]
"""
import argparse, os, re, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request
import datetime, zoneinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-browser"


def ensure_selenium():
    try:
        import selenium  # noqa: F401
        import icalendar  # noqa: F401
    except ImportError:
        if Path(sys.prefix) == VENV:
            sys.exit("selenium or icalendar could not be imported inside .venv-browser; see pip's output above")
        if not VENV.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "selenium", "icalendar"], check=True)
        os.execv(str(VENV / "bin" / "python"), [str(VENV / "bin" / "python"), *sys.argv])


def set_value(driver, element, value):
    """Sets a date or time input as a person picking it would (typing into them depends on the locale)."""
    driver.execute_script("arguments[0].value = arguments[1]", element, value)


def unfold(driver, summary):
    """Opens the <details> whose summary says `summary` (clicking would close one already open)."""
    from selenium.webdriver.common.by import By
    element = driver.find_element(By.XPATH, f"//details[summary[text()='{summary}']]")
    driver.execute_script("arguments[0].open = true", element)


def fetch(base, path, driver, kind="text/calendar"):
    """GETs a path, with the browser's session cookie when a driver is given; returns the body,
    once its content type is `kind`."""
    request = urllib.request.Request(base + path)
    if driver is not None:
        request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies()))
    with urllib.request.urlopen(request, timeout=15) as response:
        if not response.headers.get("Content-Type", "").startswith(kind):
            raise AssertionError(f"{path} is {response.headers.get('Content-Type')}, not {kind}")
        return response.read()


def parse_calendar(data):
    """Parses with the icalendar package (an independent RFC 5545 parser) and fails on any error it records."""
    from icalendar import Calendar
    calendar = Calendar.from_ical(data)
    problems = [error for component in calendar.walk() for error in getattr(component, "errors", [])]
    if problems:
        raise AssertionError(f"icalendar reports {problems}")
    return calendar


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, workdir, port):
    log = open(Path(workdir) / "serve.log", "w+")
    process = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        if process.poll() is not None:
            log.seek(0)
            sys.exit(f"lodestar serve stopped:\n{log.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        sys.exit("lodestar serve did not start listening within two minutes")
    log.seek(0)
    text = log.read()
    sign_ins = {}
    for role, email, password in re.findall(r"Demo sign-in — ([^:]+): (\S+) / (\S+)", text):
        key = "admin" if role.startswith("organisation admin") else role.split()[0] if not role.startswith("programme manager") else "manager"
        sign_ins[key] = (email, password)
    if set(sign_ins) != {"admin", "manager", "mentor", "mentee"}:
        process.kill()
        sys.exit(f"expected four demo sign-ins at start-up, found {sorted(sign_ins)}:\n{text}")
    return process, sign_ins


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="the lodestar executable (default: the debug build, built if needed)")
    parser.add_argument("--screenshots", help="save a PNG of each page checked into this folder")
    options = parser.parse_args()
    ensure_selenium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.support.ui import Select, WebDriverWait

    binary = options.binary
    if not binary:
        subprocess.run(["swift", "build", "--product", "lodestar"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        binary = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip() + "/lodestar"
    shots = Path(options.screenshots) if options.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)

    failures = []

    def check(condition, what):
        print(("  ok   " if condition else "  FAIL ") + what)
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as workdir:
        port = free_port()
        server, sign_ins = start_server(binary, workdir, port)
        base = f"http://127.0.0.1:{port}"
        try:
            browser_options = webdriver.ChromeOptions()
            for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
                browser_options.add_argument(flag)
            browser_options.binary_location = "/usr/bin/chromium"

            def browser():
                driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=browser_options)
                driver.implicitly_wait(5)
                return driver

            def sign_in(driver, email, password):
                driver.get(base + "/")
                driver.find_element(By.NAME, "email").send_keys(email)
                driver.find_element(By.NAME, "password").send_keys(password)
                driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button[type=submit]").click()
                # Done when the browser has left the sign-in page, or the page shows why not.
                WebDriverWait(driver, 15).until(lambda d: "/sign-in" not in d.current_url or d.find_elements(By.CSS_SELECTOR, ".problem"))

            def go(driver, element):
                """Clicks a link or button and waits until the next page has replaced this one and finished loading.
                The old page carries a mark the new one lacks; asking for it (rather than for an element of the old
                page) does not depend on how a driver version reports a detached element, and a question the
                browser cannot answer mid-navigation is asked again."""
                driver.execute_script("window.lodestarLeft = true")
                element.click()
                try:
                    WebDriverWait(driver, 30, poll_frequency=0.2, ignored_exceptions=(WebDriverException,)).until(
                        lambda d: d.execute_script("return window.lodestarLeft === undefined && document.readyState === 'complete'"))
                except TimeoutException:
                    raise SystemExit(f"the page did not change within 30 s after a click; at {driver.current_url}:\n"
                                     + driver.find_element(By.TAG_NAME, "body").text[:2000])

            def arrives(driver, path):
                try:
                    WebDriverWait(driver, 10).until(lambda d: path in d.current_url and d.execute_script("return document.readyState") == "complete")
                    return True
                except Exception:
                    return False

            def snap(driver, name):
                if shots:
                    # The whole page: the window grows to the document's height first.
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(1280, min(max(height, 800), 6000))
                    driver.save_screenshot(str(shots / f"{name}.png"))
                    driver.set_window_size(1280, 800)

            expectations = {
                "admin": ("Programmes", ["API tokens", "Outbox", "People"], "/cycles/", None),
                "manager": ("Programmes", [], "/cycles/", "/admin/tokens"),
                "mentor": ("Welcome,", [], "Where you take part", "/people"),
                "mentee": ("Welcome,", [], "Where you take part", "/admin/outbox"),
            }
            names = {}
            for role, (heading, links, marker, forbidden) in expectations.items():
                print(f"{role}: {sign_ins[role][0]}")
                driver = browser()
                try:
                    sign_in(driver, *sign_ins[role])
                    h1 = driver.find_element(By.TAG_NAME, "h1").text
                    names[role] = h1.removeprefix("Welcome, ")
                    check(driver.current_url.rstrip("/") == base and h1.startswith(heading), f"lands on the {role} home page ('{h1}')")
                    nav = driver.find_element(By.CSS_SELECTOR, "nav").text
                    for link in links:
                        check(link in nav, f"the navigation offers {link}")
                    if role != "admin":
                        check("API tokens" not in nav and "People" not in nav, "the navigation offers no admin pages")
                    check(marker in driver.page_source, f"the home page shows {marker!r}")
                    snap(driver, f"home-{role}")
                    if forbidden:
                        driver.get(base + forbidden)
                        body = driver.find_element(By.TAG_NAME, "body").text
                        check("403" in body and "needs" in body, f"typing {forbidden} is refused with what is lacking")
                        snap(driver, f"refused-{role}")
                    if role == "admin":
                        for path, title in (("/admin/tokens", "API tokens"), ("/admin/outbox", "Outbox"), ("/people", "People")):
                            driver.get(base + path)
                            check(driver.find_element(By.TAG_NAME, "h1").text.startswith(title), f"the admin opens {path}")
                            snap(driver, "admin-" + path.strip("/").replace("/", "-"))
                    if role == "mentee":
                        driver.get(base + "/")
                        driver.find_element(By.LINK_TEXT, "Edit").click()
                        check("Your mentee profile" in driver.page_source, "the mentee opens their profile")
                        snap(driver, "profile-mentee")
                    driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button").click()
                    check(arrives(driver, "/sign-in"), "signing out returns to the sign-in page")
                finally:
                    driver.quit()

            print("the journey: the manager publishes the demo matching, the pair agree in their workspace")
            driver = browser()
            try:
                sign_in(driver, *sign_ins["manager"])
                # The demo's enrolling cycle, not its closed pilot.
                go(driver, driver.find_element(By.XPATH, "//a[starts-with(@href, '/cycles/') and normalize-space()='2027 cohort']"))
                go(driver, driver.find_element(By.XPATH, "//button[text()='Move to matching']"))
                go(driver, driver.find_element(By.LINK_TEXT, "Run matching"))
                check("Proven optimal" in driver.page_source, "the manager sees a proven-optimal plan")
                # The demo mentee gets the demo mentor, so that both can be followed into their workspace.
                # The plan pages its pairs: find the mentee by name, open their choice of mentors,
                # find the mentor by name there and choose them.
                search = driver.find_element(By.CSS_SELECTOR, "form[role='search'] input[name='q']")
                set_value(driver, search, names["mentee"])
                go(driver, driver.find_element(By.XPATH, "//form[@role='search']//button[text()='Search']"))
                row = driver.find_element(By.XPATH, f"//tr[td[1][normalize-space()='{names['mentee']}']]")
                check(len(driver.find_elements(By.CSS_SELECTOR, "tr[data-mentee]")) >= 1, f"searching the plan for {names['mentee']} finds their pair")
                go(driver, row.find_element(By.PARTIAL_LINK_TEXT, "Another mentor"))
                check(f"Another mentor for {names['mentee']}" in driver.page_source, "the mentee's own choice of mentors opens, best first")
                snap(driver, "plan-mentee-choice")
                set_value(driver, driver.find_element(By.CSS_SELECTOR, "form[role='search'] input[name='q']"), names["mentor"])
                go(driver, driver.find_element(By.XPATH, "//form[@role='search']//button[text()='Search']"))
                choice = driver.find_element(By.XPATH, f"//tr[td[1][starts-with(normalize-space(), '{names['mentor']}')]]")
                go(driver, choice.find_element(By.LINK_TEXT, "Choose"))
                check("locked" in driver.page_source and "against the plan without your changes" in driver.page_source
                      and "Refused" not in driver.page_source, f"reassigning {names['mentee']} to {names['mentor']} locks the pair and shows the score change")
                snap(driver, "plan-manager")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Publish this matching']"))
                check(arrives(driver, "/cycles/") and "Relationships" in driver.page_source and "state-active" in driver.page_source,
                      "publishing makes the relationships and the cycle active")
                snap(driver, "cycle-published")
            finally:
                driver.quit()
            terms = {"expectations": "Candid feedback both ways", "goals": "Lead the regional launch", "timeFrame": "Six months",
                     "cadence": "Every two weeks", "confidentiality": "What we say stays between us", "ending": "A closing conversation"}
            for role in ("mentee", "mentor"):
                driver = browser()
                try:
                    sign_in(driver, *sign_ins[role])
                    # A mentor may have several mentees: follow the one the journey paired.
                    partner = names["mentor"] if role == "mentee" else names["mentee"]
                    links = [link for link in driver.find_elements(By.CSS_SELECTOR, "a[href^='/relationships/']") if link.text.strip() == partner]
                    check(bool(links), f"the {role} finds their relationship with {partner} on the home page")
                    if not links:
                        continue
                    go(driver, links[0])
                    if role == "mentee":
                        for key, text in terms.items():
                            driver.find_element(By.NAME, key).send_keys(text)
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Save as a new version']"))
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Sign version 1']"))
                        driver.find_element(By.NAME, "text").send_keys("First impressions, for me only")
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Add note']"))
                        check("First impressions, for me only" in driver.page_source, "the mentee keeps a private note")
                        # A goal, then a meeting: a suggested time when the two diaries meet, else a chosen one.
                        unfold(driver, "Set a goal")
                        driver.find_element(By.ID, "g-title").send_keys("Chair the launch review")
                        driver.find_element(By.ID, "g-measure").send_keys("The review is held and its actions agreed")
                        set_value(driver, driver.find_element(By.ID, "g-due"), "2099-06-30")
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Set goal']"))
                        check("Chair the launch review" in driver.page_source, "the mentee adds a goal")
                        suggestions = driver.find_elements(By.CSS_SELECTOR, "a.suggestion")
                        if suggestions:
                            go(driver, suggestions[0])
                        form = driver.find_element(By.ID, "arrange-form")
                        if not form.find_element(By.NAME, "date").get_attribute("value"):
                            set_value(driver, form.find_element(By.NAME, "date"), "2099-03-16")
                            set_value(driver, form.find_element(By.NAME, "time"), "10:00")
                        form.find_element(By.NAME, "place").send_keys("https://video.example/launch")
                        go(driver, form.find_element(By.XPATH, ".//button[text()='Arrange meeting']"))
                        invitations = driver.find_elements(By.PARTIAL_LINK_TEXT, "invitation (.ics)")
                        check(bool(invitations), "the mentee arranges a meeting (suggested times: %d)" % len(suggestions))
                        if invitations:
                            ics_path = urllib.parse.urlparse(invitations[0].get_attribute("href")).path
                            first = parse_calendar(fetch(base, ics_path, driver))
                            event = first.walk("VEVENT")[0]
                            check(str(first["METHOD"]) == "REQUEST" and first.walk("VTIMEZONE") and event.get("DTSTAMP")
                                  and event["DTSTART"].dt.tzinfo is not None and "TZID" in event["DTSTART"].params and int(event["SEQUENCE"]) == 0,
                                  "the invitation parses (icalendar): REQUEST, VTIMEZONE, DTSTAMP, DTSTART with its zone, SEQUENCE 0")
                            uid = str(event["UID"])
                            unfold(driver, "Move or cancel")
                            mover = driver.find_element(By.CSS_SELECTOR, "li.arranged-meeting form")
                            set_value(driver, mover.find_element(By.NAME, "time"), "11:30")
                            go(driver, mover.find_element(By.XPATH, ".//button[text()='Move']"))
                            moved = parse_calendar(fetch(base, ics_path, driver)).walk("VEVENT")[0]
                            check(str(moved["UID"]) == uid and int(moved["SEQUENCE"]) == 1 and moved["DTSTART"].dt.strftime("%H:%M") == "11:30",
                                  "moving it keeps the UID and raises the sequence")
                            go(driver, driver.find_element(By.XPATH, "//a[text()='Calendar']"))
                            go(driver, driver.find_element(By.XPATH, "//button[text()='Make my feed address']"))
                            address = driver.find_element(By.CSS_SELECTOR, "code.token").text
                            feed = parse_calendar(fetch(base, urllib.parse.urlparse(address).path, None))
                            check(uid in [str(e["UID"]) for e in feed.walk("VEVENT")], "the personal feed, fetched without signing in, parses and lists the meeting")
                    else:
                        body = driver.page_source
                        check("Lead the regional launch" in body and "Sign version 1" in body, "the mentor sees the agreement the mentee signed")
                        check("First impressions, for me only" not in body, "and not the mentee's private note")
                        check("Chair the launch review" in body and "https://video.example/launch" in body, "the mentor sees the goal and the meeting")
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Sign version 1']"))
                        check("has not signed" not in driver.page_source, "both have signed")
                        unfold(driver, "Move or cancel")
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Cancel this meeting']"))
                        link = driver.find_element(By.PARTIAL_LINK_TEXT, "cancellation (.ics)")
                        cancel = parse_calendar(fetch(base, urllib.parse.urlparse(link.get_attribute("href")).path, driver))
                        check(str(cancel["METHOD"]) == "CANCEL" and str(cancel.walk("VEVENT")[0]["STATUS"]) == "CANCELLED",
                              "the mentor cancels it: the .ics says CANCEL (icalendar)")
                    snap(driver, f"workspace-{role}")
                finally:
                    driver.quit()

            print("surveys and growth: the manager schedules the end-of-cycle survey, the mentee answers it and rates their competencies, the manager opens the results")
            def programme_surveys():
                """A browser signed in as the manager, on the demo programme's surveys page."""
                driver = browser()
                sign_in(driver, *sign_ins["manager"])
                go(driver, driver.find_element(By.CSS_SELECTOR, "a[href^='/programmes/']"))
                go(driver, driver.find_element(By.LINK_TEXT, "Surveys"))
                return driver

            driver = programme_surveys()
            try:
                check("Mid-cycle check-in" in driver.page_source and "End-of-cycle survey" in driver.page_source, "the demo programme has its two surveys")
                form = driver.find_element(By.ID, "schedule-survey")
                Select(form.find_element(By.NAME, "template")).select_by_visible_text("End-of-cycle survey")
                set_value(driver, form.find_element(By.NAME, "days"), "0")
                Select(form.find_element(By.NAME, "anchor")).select_by_value("after-matching")
                go(driver, form.find_element(By.XPATH, ".//button[text()='Schedule']"))
                check("when the matching is published, open 14 days" in driver.page_source, "the manager schedules it to open with the matching")
                snap(driver, "programme-surveys")
            finally:
                driver.quit()
            driver = browser()
            try:
                sign_in(driver, *sign_ins["mentee"])
                # This cycle's survey, not the pilot's the demo mentee answered before.
                go(driver, driver.find_element(By.XPATH, "//table[@id='my-surveys']//tr[td[normalize-space()='2027 cohort']]//a[text()='End-of-cycle survey']"))
                for name, value in (("q0", "4"), ("q1", "5"), ("q2", "0"), ("q3", "9")):
                    driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']").click()
                driver.find_element(By.NAME, "q4").send_keys("More time for goals")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Send my answers']"))
                check("You answered on" in driver.page_source, "the mentee answers the survey from their home page")
                snap(driver, "survey-mentee")
                go(driver, driver.find_element(By.LINK_TEXT, "Home"))
                go(driver, driver.find_element(By.LINK_TEXT, "Your growth"))
                form = driver.find_element(By.ID, "rate-start")
                for fieldset in form.find_elements(By.TAG_NAME, "fieldset"):
                    fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")[2].click()
                go(driver, form.find_element(By.XPATH, ".//button[text()='Save the start ratings']"))
                check("3 → …" in driver.page_source, "the mentee rates their focus competencies at the start of the cycle")
                snap(driver, "growth-mentee")
                # Six meetings held: the certificate asks for half of the 13 a fortnightly cadence plans over 26 weeks.
                go(driver, driver.find_element(By.LINK_TEXT, "Home"))
                go(driver, [link for link in driver.find_elements(By.CSS_SELECTOR, "a[href^='/relationships/']") if link.text.strip() == names["mentor"]][0])
                # Today as the mentee reads it, in the time zone the page names.
                zone = re.search(r"your time zone, ([A-Za-z_/+-]+)\.", driver.page_source)
                today = datetime.datetime.now(zoneinfo.ZoneInfo(zone.group(1)) if zone else datetime.timezone.utc).strftime("%Y-%m-%d")
                for _ in range(6):
                    form = driver.find_element(By.XPATH, "//form[.//button[text()='Log meeting']]")
                    set_value(driver, form.find_element(By.NAME, "heldOn"), today)
                    go(driver, form.find_element(By.XPATH, ".//button[text()='Log meeting']"))
                check("6.0 hours in all" in driver.page_source, "the mentee logs six held meetings")
                # The pulse and the fit check on the first of them: a poor meeting, and the pairing not a fit.
                form = driver.find_element(By.CSS_SELECTOR, "form.pulse-form")
                Select(form.find_element(By.NAME, "rating")).select_by_value("2")
                Select(form.find_element(By.NAME, "fit")).select_by_value("not-a-fit")
                go(driver, form.find_element(By.XPATH, ".//button[text()='Rate']"))
                check("your pulse: 2 of 5; the pairing: not a fit" in driver.page_source and "You said this pairing is not a fit" in driver.page_source,
                      "the mentee rates a meeting 2 of 5 and answers the fit check: not a fit; the workspace says what follows")
                snap(driver, "workspace-not-a-fit")
                go(driver, driver.find_element(By.LINK_TEXT, "Home"))
                check("Agreement signed" in driver.page_source and "First meeting" in driver.page_source,
                      "the mentee's home shows the milestones: agreement signed, first meeting")
            finally:
                driver.quit()
            driver = programme_surveys()
            try:
                row = driver.find_element(By.XPATH, "//table[@id='surveys']//tr[td[1][normalize-space()='End-of-cycle survey'] and td[normalize-space()='2027 cohort']]")
                go(driver, row.find_element(By.LINK_TEXT, "Results"))
                check(" · 1 of " in driver.page_source and "Figures appear when the survey closes" in driver.page_source,
                      "its results page counts the answer and keeps the figures for when it closes")
                snap(driver, "survey-results-open")
                go(driver, driver.find_element(By.CSS_SELECTOR, ".crumbs a[href^='/programmes/']"))
                go(driver, driver.find_element(By.XPATH, "//a[starts-with(@href, '/cycles/') and normalize-space()='2027 cohort']"))
                alert = driver.find_element(By.ID, "poor-fits")
                check("1 pairing called not a fit" in alert.text and f"{names['mentee']} with {names['mentor']}" in alert.text,
                      "the manager sees the alert on the cycle page: the pair called not a fit")
                snap(driver, "cycle-not-a-fit")
                go(driver, alert.find_element(By.XPATH, f".//button[text()='End and pair {names['mentee']} again']"))
                check(arrives(driver, "/pairs") and f"Mentors for {names['mentee']}" in driver.page_source, "ending it opens the mentee's mentors, best first")
                offered = [row.find_element(By.TAG_NAME, "td").text for row in driver.find_elements(By.CSS_SELECTOR, "#admissible-mentors tbody tr")]
                check(offered and names["mentor"] not in offered, f"the previous mentor is not offered ({len(offered)} offered, {offered[0] if offered else 'none'} first)")
                snap(driver, "pairs-rematch")
                go(driver, driver.find_element(By.CSS_SELECTOR, "#admissible-mentors tbody tr button"))
                check(arrives(driver, "/cycles/") and "1 pairing called not a fit in the fit check." in driver.page_source, f"the manager re-matches {names['mentee']} with {offered[0] if offered else '?'}")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Move to closed']"))
                check("state-closed" in driver.page_source, "the manager closes the cycle")
                go(driver, driver.find_element(By.ID, "dashboard-link"))
                funnel = driver.find_elements(By.CSS_SELECTOR, "svg.chart[aria-labelledby='funnel-title funnel-desc'] rect")
                check(arrives(driver, "/dashboard") and len(funnel) == 5 and "Mentees who completed the cycle" in driver.page_source,
                      f"the closed cycle's dashboard draws its funnel ({len(funnel)} bars) beside its figures")
                snap(driver, "dashboard-cycle")
                go(driver, driver.find_element(By.ID, "fairness-link"))
                headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
                check(arrives(driver, "/fairness") and headings == ["Gender", "Ethnicity", "Age band", "Disability"],
                      f"the dashboard's fairness audit sets out each opt-in dimension ({', '.join(headings)})")
                snap(driver, "fairness")
                driver.back()
                go(driver, driver.find_element(By.XPATH, "//p[contains(@class, 'crumbs')]//a[normalize-space()='Dashboard']"))
                charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart[role='img']")
                columns = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#cycles-side-by-side thead th")]
                check(len(charts) == 2 and columns[1:] == ["2026 pilot", "2027 cohort"], f"the programme's dashboard sets its cycles side by side ({columns}) with {len(charts)} charts")
                snap(driver, "dashboard-programme")
                csv = fetch(base, urllib.parse.urlparse(driver.current_url).path + ".csv", driver, kind="text/csv")
                check(csv.startswith(b"indicator,key,unit,2026 pilot,2027 cohort\r\n"), "the table downloads as CSV")
                go(driver, driver.find_element(By.ID, "outcomes-link"))
                rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#lift tbody tr")]
                check(arrives(driver, "/outcomes") and len(rows) == 3 and rows[0].startswith("Still employed a year on") and rows[2].startswith("Rated 4 or 5")
                      and "How the comparison was made" in driver.page_source, f"the outcome lift compares the pilot's mentees with comparable people ({rows[0] if rows else 'no rows'})")
                snap(driver, "outcome-lift")
                go(driver, driver.find_element(By.XPATH, "//nav//a[normalize-space()='Dashboard']"))
                columns = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#programmes-side-by-side thead th")]
                check(arrives(driver, "/dashboard") and columns[-1:] == ["All programmes"], f"the organisation's dashboard sets the programmes side by side ({columns})")
                go(driver, driver.find_element(By.XPATH, "//nav//a[normalize-space()='Succession']"))
                lines = driver.find_elements(By.CSS_SELECTOR, "#pipeline tbody tr")
                flagged = driver.find_elements(By.CSS_SELECTOR, "#high-potentials tbody tr")
                check(arrives(driver, "/succession") and len(lines) == 4 and len(flagged) > 0,
                      f"the succession pipeline counts readiness in the {len(lines)} focus competencies of {len(flagged)} high potentials")
                snap(driver, "succession")
            finally:
                driver.quit()
            driver = browser()
            try:
                sign_in(driver, *sign_ins["mentee"])
                check("Cycle completed" in driver.page_source, "closing the cycle completes it for the mentee: a milestone")
                go(driver, driver.find_element(By.XPATH, "//table[@id='my-certificates']//button[text()='Get your certificate']"))
                check(arrives(driver, "/certificates/") and "Genuine: this certificate was issued by Lodestar" in driver.page_source
                      and names["mentee"] in driver.page_source, "the mentee takes their certificate; its page says it is genuine")
                snap(driver, "certificate")
                pdf = fetch(base, urllib.parse.urlparse(driver.current_url).path + "/pdf", None, kind="application/pdf")
                check(pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF"), "the certificate downloads as a PDF, without signing in")
            finally:
                driver.quit()

            print("a second programme from the browser: the admin creates it, answers its readiness check, imports people, invites, trains, accepts and publishes its matching, appoints its manager")
            driver = browser()
            try:
                sign_in(driver, *sign_ins["admin"])
                go(driver, driver.find_element(By.LINK_TEXT, "New programme"))
                driver.find_element(By.NAME, "name").send_keys("Women in Leadership")
                driver.find_element(By.NAME, "objectives").send_keys("Sponsorship and visibility for women moving into senior roles")
                duration = driver.find_element(By.NAME, "durationWeeks")
                duration.clear()
                duration.send_keys("0")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Create the programme']"))
                check("a programme runs 1 to 104 weeks" in driver.page_source and "Nothing was saved" in driver.page_source,
                      "a duration of 0 weeks is refused next to its field, nothing saved")
                snap(driver, "programme-form-refused")
                duration = driver.find_element(By.NAME, "durationWeeks")
                duration.clear()
                duration.send_keys("26")
                driver.find_elements(By.CSS_SELECTOR, "input[name='competency']")[0].click()
                go(driver, driver.find_element(By.XPATH, "//button[text()='Create the programme']"))
                check(driver.find_element(By.TAG_NAME, "h1").text == "Women in Leadership", "the programme is created and its page opens")
                driver.find_element(By.NAME, "name").send_keys("Spring cohort")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Open cycle']"))
                check(arrives(driver, "/cycles/") and "Spring cohort" in driver.page_source and "state-draft" in driver.page_source,
                      "its first cycle opens in draft")
                check("Not ready:" in driver.page_source and bool(driver.find_elements(By.NAME, "readinessOverride")),
                      "the draft cycle says the programme is not ready yet, and asks for a reason to open it anyway")
                cycle_url = driver.current_url
                go(driver, driver.find_element(By.LINK_TEXT, "Women in Leadership"))
                programme_url = driver.current_url
                go(driver, driver.find_element(By.LINK_TEXT, "Open the readiness check"))
                for radio in driver.find_elements(By.CSS_SELECTOR, "input[type='radio'][value='yes']"):
                    driver.execute_script("arguments[0].click()", radio)
                driver.execute_script("arguments[0].click()", driver.find_element(By.CSS_SELECTOR, "input[name='level.participants.mentoring-skills'][value='partly']"))
                driver.find_element(By.NAME, "note.participants.mentoring-skills").send_keys("New mentors take the mentor training first")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Save the answers']"))
                check("Ready: every dimension reaches 75 %." in driver.page_source and "Train mentors before matching" in driver.page_source,
                      "the admin answers the readiness check: ready, with its one gap and the action suggested")
                snap(driver, "readiness")
                driver.get(cycle_url)
                go(driver, driver.find_element(By.XPATH, "//button[text()='Move to enrolling']"))
                check("state-enrolling" in driver.page_source, "the cycle then opens for enrolment")
                unfold(driver, "Change the dates")
                for field, day in (("applicationsClose", "2027-02-01"), ("matching", "2027-02-15"), ("start", "2027-03-01"), ("end", "2027-02-20")):
                    set_value(driver, driver.find_element(By.CSS_SELECTOR, f"input[name='{field}']"), day)
                go(driver, driver.find_element(By.XPATH, "//button[text()='Save the dates']"))
                check("the day relationships end comes after the day relationships start" in driver.page_source,
                      "an end before the start is refused, named")
                unfold(driver, "Change the dates")
                for field, day in (("applicationsClose", "2027-02-01"), ("matching", "2027-02-15"), ("start", "2027-03-01"), ("end", "2027-08-30")):
                    set_value(driver, driver.find_element(By.CSS_SELECTOR, f"input[name='{field}']"), day)
                go(driver, driver.find_element(By.XPATH, "//button[text()='Save the dates']"))
                dates = driver.find_element(By.ID, "cycle-dates").text
                check("2027" in dates and "not set" not in dates, f"the cycle's four dates are saved ({' · '.join(dates.splitlines()[1::2])})")
                go(driver, driver.find_element(By.LINK_TEXT, "People"))
                header = "id,name,email,title,level,department,manager_id,location,timezone,languages,gender,ethnicity,age_band,disability\n"
                people = ("N-1,Ines Duarte,ines.duarte@northwind.example,Operations Lead,8,Operations,,Lisbon,Europe/Lisbon,pt; en,,,,\n"
                          "N-2,Tomasz Nowak,tomasz.nowak@northwind,Analyst,4,Operations,N-1,Warsaw,Europe/Warsaw,pl; en,,,,\n")
                bad_file, good_file = Path(workdir) / "new-people.csv", Path(workdir) / "new-people-fixed.csv"
                bad_file.write_text(header + people, encoding="utf-8")
                good_file.write_text(header + people.replace("tomasz.nowak@northwind,", "tomasz.nowak@northwind.example,"), encoding="utf-8")
                driver.find_element(By.CSS_SELECTOR, "#people-upload input[type='file']").send_keys(str(bad_file))
                go(driver, driver.find_element(By.CSS_SELECTOR, "#people-upload button"))
                cells = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.issues td")]
                check(cells[:2] == ["3", "3 (email)"] and "Nothing was written" in driver.page_source,
                      f"a people CSV with a bad email is refused with its line and column ({cells[:2]}), nothing written")
                snap(driver, "import-problems")
                driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] input[type='file']").send_keys(str(good_file))
                go(driver, driver.find_element(By.XPATH, "//button[text()='Preview']"))
                check(driver.find_element(By.ID, "import-created").text == "2" and "Tomasz Nowak" in driver.page_source,
                      "the fixed file's preview lists the two people it would create")
                snap(driver, "import-preview")
                go(driver, driver.find_element(By.XPATH, "//button[starts-with(text(), 'Import ')]"))
                check("2 created, 0 updated" in driver.find_element(By.ID, "import-result").text, "confirmed, the two are imported")
                # Invitations: from a directory search, the demo's mentor as mentor and mentee as mentee, and Ines (imported above).
                driver.get(cycle_url)
                go(driver, driver.find_element(By.ID, "applications-link"))
                applications_url = driver.current_url.split("?")[0]
                for person, role in ((names["mentor"], "mentor"), (names["mentee"], "mentee"), ("Ines Duarte", "mentee")):
                    search = driver.find_element(By.NAME, "q")
                    search.clear()
                    search.send_keys(person.split(" ")[-1])
                    go(driver, driver.find_element(By.XPATH, "//button[text()='Search']"))
                    driver.find_element(By.XPATH, f"//form[@id='invite-people']//label[contains(., '{person}')]/input").click()
                    driver.find_element(By.CSS_SELECTOR, f"#invite-people select[name='role'] option[value='{role}']").click()
                    go(driver, driver.find_element(By.XPATH, "//form[@id='invite-people']//button[text()='Invite']"))
                    check("Invited 1 person." in driver.find_element(By.ID, "invited").text, f"{person} is invited to apply as {role}, from a search of the directory")
                snap(driver, "applications-invited")
                # Training: the mentor handbook with a one-question quiz, and mentors trained before matching.
                driver.get(programme_url)
                go(driver, driver.find_element(By.LINK_TEXT, "Training"))
                training_url = driver.current_url
                driver.find_element(By.XPATH, "//select[@name='resource']/option[contains(., 'mentor handbook')]").click()
                driver.find_element(By.CSS_SELECTOR, "select[name='role'] option[value='mentor']").click()
                driver.find_element(By.NAME, "title").send_keys("Mentor training")
                driver.find_element(By.NAME, "questions").send_keys("Who sets the agenda of a meeting? | The mentor | *The mentee | HR")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Assign']"))
                check("Mentor training" in driver.find_element(By.ID, "modules").text, "the admin assigns the mentor handbook as mentor training, with a quiz")
                driver.get(base + "/library?audience=mentor")
                check("Rising Leaders — mentor handbook" in driver.find_element(By.ID, "resources").text, "the library finds the handbooks written for mentors")
                snap(driver, "library")
                driver.get(programme_url)
                go(driver, driver.find_element(By.LINK_TEXT, "Settings"))
                driver.find_element(By.NAME, "mentorTrainingFirst").click()
                go(driver, driver.find_element(By.CSS_SELECTOR, "form.programme-form button[type=submit]"))
                driver.get(training_url)
                check("Mentors complete their modules before they are matched" in driver.page_source, "the programme now asks mentors to train before matching")
                snap(driver, "programme-training")
            finally:
                driver.quit()
            for role, profile in (("mentor", {"skills": "delegation:4; communication:3", "capacity": "2", "availability": "tue 09:00-11:00"}),
                                  ("mentee", {"development_goals": "delegation:1", "availability": "tue 09:00-11:00"})):
                driver = browser()
                try:
                    sign_in(driver, *sign_ins[role])
                    go(driver, driver.find_element(By.XPATH, "//table[@id='my-applications']//tr[contains(., 'Women in Leadership')]//a"))
                    check(driver.find_element(By.TAG_NAME, "h1").text == f"Apply as a {role}", f"the {role} opens the invitation from their home page")
                    prefilled = driver.find_element(By.NAME, "availability").get_attribute("value")
                    check(bool(prefilled), f"the form starts from the {role}'s profile in their earlier cycle ({prefilled})")
                    driver.find_element(By.NAME, "availability").clear()
                    go(driver, driver.find_element(By.XPATH, "//button[text()='Send application']"))
                    check("is empty; say when you are free" in driver.page_source, f"an application without availability is refused, the field named")
                    for field, text in profile.items():
                        element = driver.find_element(By.NAME, field)
                        element.clear()
                        element.send_keys(text)
                    driver.find_element(By.NAME, "motivation").send_keys("I want to grow as a leader and help others do the same.")
                    snap(driver, f"application-{role}")
                    go(driver, driver.find_element(By.XPATH, "//button[text()='Send application']"))
                    check("applied, awaiting a decision" in driver.find_element(By.ID, "application-state").text.lower(), f"the {role} applies through the profile form")
                    if role == "mentor":
                        driver.get(base + "/")
                        go(driver, driver.find_element(By.XPATH, "//table[@id='my-training']//tr[contains(., 'Women in Leadership')]//a"))
                        driver.find_element(By.CSS_SELECTOR, "input[name='q0'][value='0']").click()
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Check my answers']"))
                        check("question 1 is not right yet" in driver.page_source, "a wrong quiz answer is named, the module not completed")
                        driver.find_element(By.CSS_SELECTOR, "input[name='q0'][value='1']").click()
                        go(driver, driver.find_element(By.XPATH, "//button[text()='Check my answers']"))
                        check(bool(driver.find_elements(By.ID, "module-completed")), "the mentor completes the mentor training")
                        snap(driver, "training-module")
                finally:
                    driver.quit()
            driver = browser()
            try:
                sign_in(driver, *sign_ins["admin"])
                driver.get(applications_url)
                for name in (names["mentor"], names["mentee"]):
                    go(driver, driver.find_element(By.XPATH, f"//table[@id='applications']//tr[contains(., '{name}')]//button[@value='accepted']"))
                rows = driver.find_element(By.ID, "applications").text.lower()
                check(rows.count("accepted") == 2 and "invited, not applied yet" in rows,
                      "the manager accepts the two applications; Ines, who never applied, stays invited")
                snap(driver, "applications")
                driver.get(cycle_url)
                enrolled = driver.find_element(By.XPATH, "//h2[text()='Enrolled']/following-sibling::table").text
                check(names["mentor"] in enrolled and names["mentee"] in enrolled and "Ines Duarte" not in enrolled,
                      "only the accepted applicants are enrolled")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Move to matching']"))
                check("state-matching" in driver.page_source, "the manager moves the cycle to matching")
                go(driver, driver.find_element(By.LINK_TEXT, "Run matching"))
                stats = driver.find_element(By.CSS_SELECTOR, ".stats").text
                check("1 of 1" in stats, f"the plan matches the trained mentor with the mentee ({' '.join(stats.split())})")
                snap(driver, "plan-second-programme")
                go(driver, driver.find_element(By.XPATH, "//button[text()='Publish this matching']"))
                check(arrives(driver, "/cycles/") and "state-active" in driver.page_source,
                      "the second programme's matching is published, all in the browser")
                driver.get(programme_url)
                driver.find_element(By.CSS_SELECTOR, "form[action$='/managers'] input[name='email']").send_keys(sign_ins["mentor"][0])
                go(driver, driver.find_element(By.XPATH, "//button[text()='Appoint']"))
                check(f"appointed programme manager by" in driver.page_source and names["mentor"] in driver.page_source,
                      f"{names['mentor']} is appointed its manager, with who and when")
                snap(driver, "programme-managers")
                go(driver, driver.find_element(By.LINK_TEXT, "Conflicts"))
                check(driver.find_element(By.TAG_NAME, "h1").text == "Conflicts of interest", "the admin opens the conflicts page")
                snap(driver, "conflicts")
            finally:
                driver.quit()
            driver = browser()
            try:
                sign_in(driver, *sign_ins["mentee"])
                nav = driver.find_element(By.CSS_SELECTOR, "nav").text
                check("Inbox (" in nav, f"the mentee's navigation counts unread messages ({nav.split('Inbox')[1][:5] if 'Inbox' in nav else 'none'})")
                go(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Inbox"))
                rows = driver.find_elements(By.CSS_SELECTOR, "tr.unread a")
                check(bool(rows), "the inbox lists the messages sent to the mentee, unread marked")
                snap(driver, "inbox")
                if rows:
                    go(driver, rows[0])
                    check(bool(driver.find_elements(By.CSS_SELECTOR, ".message-text")), "a message opens")
                    snap(driver, "inbox-message")
            finally:
                driver.quit()

            print("wrong password")
            driver = browser()
            try:
                sign_in(driver, sign_ins["admin"][0], "not-the-password")
                problem = driver.find_elements(By.CSS_SELECTOR, ".problem")
                check(bool(problem) and "don't match an account" in problem[0].text, "a wrong password shows the error")
                check("/sign-in" in driver.current_url, "and stays on the sign-in page")
                snap(driver, "sign-in-wrong-password")
            finally:
                driver.quit()
        finally:
            server.terminate()
            server.wait(timeout=30)

    if failures:
        sys.exit(f"{len(failures)} browser check(s) failed")
    print("browser test: all checks passed")


if __name__ == "__main__":
    main()
