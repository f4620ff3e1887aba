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
import argparse, os, subprocess, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_server  # noqa: E402

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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the lodestar executable")
    parser.add_argument("--examples", type=int, default=30, help="generated examples per operation and phase")
    args = parser.parse_args()
    schemathesis = ensure_schemathesis()
    with demo_server.running(args.binary) as (base, token):
        started = time.monotonic()
        run = subprocess.run([
            str(schemathesis), "run", base + "/api/v1/openapi.json",
            "--url", base + "/api/v1",
            "--header", f"Authorization: Bearer {token}",
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                        "response_headers_conformance,response_schema_conformance",
            "--max-examples", str(args.examples),
            "--phases", "examples,coverage,fuzzing",
            # One worker: with two, hypothesis's lambda descriptions race in Python 3.11's ast.
            "--workers", "1",
            "--seed", "1",
            "--request-timeout", "30",
            "--suppress-health-check", "all",
            "--no-color",
        ])
        print(f"fuzz: schemathesis took {time.monotonic() - started:.0f} s")
        if run.returncode != 0:
            sys.exit(f"fuzz: schemathesis found problems (exit {run.returncode})")
        print("fuzz: no 5xx and no answer outside the document")


if __name__ == "__main__":
    main()
