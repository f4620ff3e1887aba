#!/usr/bin/env python3
"""Hostile probe: Lodestar's demo attacked over HTTP as each role, as a careless or malicious
client would. Starts `lodestar serve --demo` in a temporary directory (its address space capped,
so a memory-hungry answer can't take the host down), signs in through the real form as the demo
admin, manager, mentor and mentee, mints read and write API tokens through the admin's form,
and sends each caller extreme numbers in every paging parameter and numeric body field,
malformed and deeply nested JSON, oversized bodies, control characters, path tricks, open
redirects, and other roles' pages. It fails if any answer is a 5xx, the server stops answering,
a role reaches what it may not (a page of another role, a private note), a redirect leaves the
site, or a response lacks the security headers. Standard library only.

    python3 scripts/probe-hostile.py [--binary PATH]
"""
import argparse, http.client, http.cookiejar, json, os, re, resource, socket, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_QUERY = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e308", "-1", "NaN", "abc", "", "%00"]
HOSTILE_NUMBERS = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e308", "-1e308", "-1", '"12"', "true", "[]", "{}"]
failures = []
answers = {}


class ServerDown(Exception):
    """The server stopped answering: the probe ends there and reports what it sent last."""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Caller:
    """A role: a browser session (cookie jar + CSRF token) or an API token."""

    def __init__(self, base, name, token=None):
        self.base, self.name, self.token, self.csrf = base, name, token, ""
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def send(self, method, path, body=None, content_type=None, headers=None):
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        if content_type:
            request.add_header("Content-Type", content_type)
        if self.csrf and not self.token:
            request.add_header("X-CSRF-Token", self.csrf)
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, answer, response_headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, answer, response_headers = error.code, error.read(), error.headers
        except (urllib.error.URLError, ConnectionError, http.client.HTTPException, TimeoutError) as error:
            failures.append(f"{self.name} {method} {path[:90]}: no answer ({error}); the server crashed or hung")
            raise ServerDown() from error
        text = answer.decode("utf-8", "replace")
        answers[status] = answers.get(status, 0) + 1
        where = f"{self.name} {method} {path[:90]}"
        if status >= 500:
            failures.append(f"{where}: {status} {text[:160]}")
        for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
            if not response_headers.get(header):
                failures.append(f"{where}: no {header}")
        location = response_headers.get("Location") or ""
        if location and not location.startswith("/"):
            failures.append(f"{where}: redirects off-site to {location}")
        return status, text

    def json(self, method, path, body):
        return self.send(method, path, body.encode(), "application/json")

    def form(self, path, fields):
        return self.send("POST", path, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def sign_in(self, email, password):
        _, page = self.send("GET", "/sign-in")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, _ = self.form("/sign-in", {"csrf": csrf, "email": email, "password": password, "next": "/"})
        if status != 303:
            sys.exit(f"probe: {self.name} could not sign in ({status})")
        _, home = self.send("GET", "/")
        self.csrf = re.search(r'name="csrf" value="([^"]+)"', home).group(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", help="the built lodestar executable (default: swift build's)")
    args = parser.parse_args()
    binary = args.binary or subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip() + "/lodestar"
    roles = []
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as directory:
        log = open(Path(directory) / "serve.log", "w+")
        cap = lambda: resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))
        server = subprocess.Popen([binary, "serve", "--demo", "--port", str(port)], cwd=directory, stdout=log, stderr=subprocess.STDOUT, preexec_fn=cap)
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "/health", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            log.seek(0)
            sign_ins = dict(re.findall(r"Demo sign-in — ([a-z ]+?)(?:(?: of| in) [^:]*)?: (\S+) /", log.read()))
            callers = {"anonymous": Caller(base, "anonymous")}
            for role, email in sign_ins.items():
                callers[role] = Caller(base, role)
                callers[role].sign_in(email, "lodestar-demo")
            admin = callers["organisation admin"]
            for scope in ("read", "write"):
                _, page = admin.form("/admin/tokens", {"csrf": admin.csrf, "name": f"probe {scope}", "scope": scope})
                callers[scope + " token"] = Caller(base, scope + " token", re.search(r'<code class="token">([^<]+)</code>', page).group(1))
            roles = list(callers)
            try:
                probe(callers, admin)
            except ServerDown:
                pass
            if server.poll() is not None:
                failures.append(f"the server stopped (exit {server.returncode})")
            elif urllib.request.urlopen(base + "/health", timeout=10).status != 200:
                failures.append("the server no longer answers /health")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if failures:
        # Crashes, 5xx and escalations first; a missing header is the least of them.
        headers = [f for f in failures if re.search(r": no (Content-Security-Policy|X-Content-Type-Options|Referrer-Policy)$", f)]
        worst = [f for f in failures if f not in headers]
        print(f"probe: FAILED — {len(worst)} crash, 5xx, escalation or off-site problem(s), {len(headers)} missing header(s)\n  "
              + "\n  ".join((worst + headers)[:60]))
        sys.exit(1)
    counts = ", ".join(f"{status}: {count}" for status, count in sorted(answers.items()))
    print(f"probe: {sum(answers.values())} requests as {len(roles)} callers ({', '.join(roles)}) — {counts}; every answer was below 500,"
          " stayed on the site and carried the security headers; the server is up")


def probe(callers, admin):
    writer = callers["write token"]
    _, programmes = writer.send("GET", "/api/v1/programmes")
    programme = json.loads(programmes)["items"][0]["id"]
    _, cycles = writer.send("GET", f"/api/v1/programmes/{programme}/cycles")
    cycle = json.loads(cycles)["items"][0]["id"]
    lists = ["/api/v1/people", "/api/v1/programmes", f"/api/v1/programmes/{programme}/cycles", "/api/v1/cycles",
             f"/api/v1/cycles/{cycle}/enrolments", "/api/v1/competencies", "/api/v1/conflicts", "/admin/outbox", "/people"]
    for caller in callers.values():
        for path in lists:
            for parameter in ("offset", "limit"):
                for value in HOSTILE_QUERY:
                    caller.send("GET", f"{path}?{parameter}={urllib.parse.quote(value, safe='%')}")
    bodies = [("POST", "/api/v1/people", '{"externalId":"X-1","name":"X","email":"x@example.org","level":V,"timeZone":"UTC"}'),
              ("POST", "/api/v1/programmes", '{"name":"X","format":"group","durationWeeks":V,"cadence":"monthly"}'),
              ("PUT", f"/api/v1/programmes/{programme}", '{"name":"X","format":"one-to-one","durationWeeks":20,"cadence":"monthly",'
               '"matching":{"weights":{"goal-skill-fit":V},"minimumLevelGap":1,"maximumLevelGap":6,"minimumWeeklyOverlap":60,"rotation":true}}'),
              ("PUT", f"/api/v1/programmes/{programme}", '{"name":"X","format":"one-to-one","durationWeeks":20,"cadence":"monthly",'
               '"matching":{"weights":{"goal-skill-fit":5},"minimumLevelGap":V,"maximumLevelGap":V,"minimumWeeklyOverlap":V,"rotation":true}}')]
    for caller in (writer, callers["read token"], admin):
        for method, path, template in bodies:
            for value in HOSTILE_NUMBERS:
                caller.json(method, path, template.replace("V", value))
        for body in ['{"name":', "[" * 100000 + "]" * 100000, '{"a":' * 50000 + "1" + "}" * 50000, "\u0000", '{"name":"\\ud800"}']:
            caller.json("POST", "/api/v1/programmes", body)
        caller.json("POST", "/api/v1/competencies", '{"slug":"x","name":"' + "a" * (2 << 20) + '","summary":""}')
    # Weights of 1e308 must not be stored; the plan page and matching stay up.
    admin.send("GET", f"/cycles/{cycle}/plan")
    for caller in callers.values():
        caller.form("/sign-in", {"csrf": "x", "email": "a@b.c", "password": "p", "next": "//evil.example"})
        for path in ["/assets/../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd", "/" + "a" * 60000, "/cycles/%00", "/relationships/../admin/outbox",
                     "/sign-in?next=%2F%2Fevil.example", "/sign-in?next=/%09/evil.example"]:
            caller.send("GET", path)
        caller.send("POST", "/admin/invitations", ("csrf=" + caller.csrf + "&email=" + "%ZZ" * 30000).encode(), "application/x-www-form-urlencoded")
    # Roles reach only their own: no participant reaches an admin page, no token a page at all.
    for name, caller in callers.items():
        for path in ["/admin/outbox", "/admin/tokens", "/people"]:
            status, text = caller.send("GET", path)
            if name != "organisation admin" and status == 200:
                failures.append(f"{name} opened {path}")
            if "set-password?token=" in text and "[hidden" not in text:
                failures.append(f"{name} read a one-time link on {path}")


if __name__ == "__main__":
    main()
