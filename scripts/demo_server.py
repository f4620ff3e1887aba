"""A throw-away `lodestar serve --demo` for the API scripts, with an admin's API token.

    with demo_server.running(binary) as (base, token): ...

The server runs on a free loopback port and a temporary SQLite database; the token is made for
the demo's admin with `lodestar tokens create`.
"""
import contextlib, socket, subprocess, sys, tempfile, time, urllib.request
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


def admin_token(binary, database):
    """An admin's write token, made with `lodestar tokens create` as a script would."""
    made = subprocess.run([binary, "tokens", "create", "--admin", "admin@lodestar.example", "--name", "scripts", "--scope", "write",
                           "--database-url", database], capture_output=True, text=True)
    if made.returncode != 0:
        sys.exit(f"lodestar tokens create failed: {made.stderr}")
    return made.stdout.strip()


@contextlib.contextmanager
def running(binary):
    """Yields the base URL of a demo server and an admin's write token; stops the server after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as work:
        log = open(Path(work) / "serve.log", "w")
        database = f"sqlite://{work}/demo.sqlite"
        server = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--database-url", database],
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(base, server)
            yield base, admin_token(binary, database)
            if server.poll() is not None:
                sys.exit(f"the server stopped during the run (exit {server.returncode})")
        finally:
            server.terminate()
            server.wait(timeout=30)
