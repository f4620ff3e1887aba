#!/usr/bin/env python3
"""Fuzz the JSON API against its own OpenAPI document with schemathesis.

Starts `lodestar serve --demo` on a throw-away SQLite database, signs in as the demo's admin,
creates a write token on the API tokens page as an admin would, then runs schemathesis over every
operation of /api/v1/openapi.json: examples from the document, then generated and mutated inputs,
a bounded number per operation. The run fails on any 5xx, and on any answer that breaks the
document (a status it doesn't list, a body that doesn't match its schema, a wrong content type).

    python3 scripts/fuzz-api.py --binary .build/debug/lodestar [--examples 30]

schemathesis is installed from PyPI into .venv-fuzz on first use.
"""
import argparse, html, os, re, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-fuzz"
SCHEMATHESIS = "schemathesis==4.32.5"


def ensure_schemathesis():
    binary = VENV / "bin" / "schemathesis"
    if not binary.exists():
        if not VENV.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", SCHEMATHESIS], check=True)
    return binary


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(base, server):
    for _ in range(300):
        if server.poll() is not None:
            sys.exit(f"fuzz: the server stopped (exit {server.returncode}) before answering")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit("fuzz: the server did not answer /health within 60 s")


def admin_token(base):
    """Signs in as the demo's admin and creates a write token on the tokens page."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    csrf = lambda page: re.search(r'name="csrf" value="([^"]*)"', page).group(1)
    sign_in = opener.open(base + "/sign-in").read().decode()
    form = {"csrf": csrf(sign_in), "email": "admin@lodestar.example", "password": "lodestar-demo"}
    opener.open(base + "/sign-in", urllib.parse.urlencode(form).encode()).read()
    tokens = opener.open(base + "/admin/tokens").read().decode()
    form = {"csrf": csrf(tokens), "name": "schemathesis", "scope": "write"}
    created = opener.open(base + "/admin/tokens", urllib.parse.urlencode(form).encode()).read().decode()
    match = re.search(r'<code class="token">([^<]+)</code>', created)
    if not match:
        sys.exit("fuzz: the tokens page showed no new token")
    return html.unescape(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the lodestar executable")
    parser.add_argument("--examples", type=int, default=30, help="generated examples per operation and phase")
    args = parser.parse_args()
    schemathesis = ensure_schemathesis()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as work:
        log = open(Path(work) / "serve.log", "w")
        server = subprocess.Popen([args.binary, "serve", "--demo", "--port", str(port),
                                   "--database-url", f"sqlite://{work}/fuzz.sqlite"], stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(base, server)
            token = admin_token(base)
            started = time.monotonic()
            run = subprocess.run([
                str(schemathesis), "run", base + "/api/v1/openapi.json",
                "--url", base + "/api/v1",
                "--header", f"Authorization: Bearer {token}",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                            "response_headers_conformance,response_schema_conformance",
                "--max-examples", str(args.examples),
                "--phases", "examples,coverage,fuzzing",
                "--workers", "1",
                "--seed", "1",
                "--request-timeout", "30",
                "--suppress-health-check", "all",
                "--no-color",
            ], env={**os.environ, "SCHEMATHESIS_HOOKS": ""})
            print(f"fuzz: schemathesis took {time.monotonic() - started:.0f} s")
            if server.poll() is not None:
                sys.exit(f"fuzz: the server stopped during the run (exit {server.returncode})")
            if run.returncode != 0:
                log.flush()
                sys.exit(f"fuzz: schemathesis found problems (exit {run.returncode}); the server's log: {Path(work) / 'serve.log'}")
            print("fuzz: no 5xx and no answer outside the document")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
