"""A throw-away `lodestar serve --demo` for the API scripts, with an admin's API token.

    with demo_server.running(binary) as (base, token): ...

The server runs on a free loopback port and a temporary SQLite database; the token is created on
the API tokens page after signing in as the demo's admin, as an admin would.
"""
import contextlib, html, re, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request
from http.cookiejar import CookieJar
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(base, server):
    for _ in range(300):
        if server.poll() is not None:
            sys.exit(f"the server stopped (exit {server.returncode}) before answering")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit("the server did not answer /health within 60 s")


def admin_token(base, scope="write"):
    """Signs in as the demo's admin and creates a token on the tokens page."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    csrf = lambda page: re.search(r'name="csrf" value="([^"]*)"', page).group(1)
    sign_in = opener.open(base + "/sign-in").read().decode()
    form = {"csrf": csrf(sign_in), "email": "admin@lodestar.example", "password": "lodestar-demo"}
    opener.open(base + "/sign-in", urllib.parse.urlencode(form).encode()).read()
    tokens = opener.open(base + "/admin/tokens").read().decode()
    form = {"csrf": csrf(tokens), "name": "scripts", "scope": scope}
    created = opener.open(base + "/admin/tokens", urllib.parse.urlencode(form).encode()).read().decode()
    match = re.search(r'<code class="token">([^<]+)</code>', created)
    if not match:
        sys.exit("the tokens page showed no new token")
    return html.unescape(match.group(1))


@contextlib.contextmanager
def running(binary):
    """Yields the base URL of a demo server and an admin's write token; stops the server after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as work:
        log = open(Path(work) / "serve.log", "w")
        server = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--database-url", f"sqlite://{work}/demo.sqlite"],
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(base, server)
            yield base, admin_token(base)
            if server.poll() is not None:
                sys.exit(f"the server stopped during the run (exit {server.returncode})")
        finally:
            server.terminate()
            server.wait(timeout=30)
