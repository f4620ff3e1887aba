#!/usr/bin/env python3
"""Lodestar's assignment solver against the solvers a user would otherwise reach for, side by side.

Builds identical instances, runs `lodestar solve` (release build) and the peers from PyPI in one
run, checks that the objectives are equal, and prints time ratios (Lodestar / peer; below 1 is
faster). Peers are installed into .venv-bench on first use.

    python3 scripts/compare-solvers.py [--repeat 3]
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-bench"
PEERS = ["numpy", "lap", "networkx"]

def ensure_peers():
    try:
        import numpy, lap, networkx  # noqa: F401
    except ImportError:
        if Path(sys.prefix) == VENV:
            sys.exit("the peers could not be imported inside .venv-bench; see pip's output above")
        if not VENV.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", *PEERS], check=True)
        os.execv(str(VENV / "bin" / "python"), [str(VENV / "bin" / "python"), *sys.argv])

def lodestar_binary():
    subprocess.run(["swift", "build", "-c", "release", "--product", "lodestar"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return str(Path(bin_dir) / "lodestar")

def run_lodestar(binary, args, command="solve", objective="objective", seconds="solve_seconds"):
    out = subprocess.run([binary, command, *args], check=True, capture_output=True, text=True).stdout
    answer = json.loads(out.strip().splitlines()[-1])
    if answer.get("optimal") is False:
        sys.exit(f"lodestar did not prove its answer optimal: {answer}")
    return answer[objective], answer[seconds]

def best_of(repeat, measure):
    results = [measure() for _ in range(repeat)]
    objectives = {objective for objective, _ in results}
    assert len(objectives) == 1, f"objective changed between runs: {objectives}"
    return results[0][0], min(seconds for _, seconds in results)

def timed(call):
    start = time.perf_counter()
    value = call()
    return value, time.perf_counter() - start

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per solver; the best time counts")
    options = parser.parse_args()
    ensure_peers()
    import numpy as np, lap, networkx as nx

    binary = lodestar_binary()
    rng = np.random.default_rng(2027)
    rows = []
    absolute = []
    with tempfile.TemporaryDirectory() as work:
        # 1. Capacitated: 5,000 mentees × 1,000 mentors, capacity 5; lapjv needs the 5,000×5,000 expansion.
        costs = rng.integers(0, 1001, size=(5000, 1000), dtype=np.int32)
        path = Path(work) / "capacity.i32"
        costs.astype("<i4").tofile(path)
        ours = best_of(options.repeat, lambda: run_lodestar(binary, [str(path), "--format", "i32", "--rows", "5000", "--cols", "1000", "--capacity", "5"]))
        expanded = np.repeat(costs, 5, axis=1).astype(np.float64)
        peer = best_of(options.repeat, lambda: (lambda r: (int(r[0][0]), r[1]))(timed(lambda: lap.lapjv(expanded))))
        rows.append(("5000 × 1000, capacity 5, costs 0–1000", "lap.lapjv on 5000×5000 expansion", ours, peer, 0.5))

        # 2. Dense square 5,000 × 5,000, costs 0–10⁶.
        costs = rng.integers(0, 1_000_001, size=(5000, 5000), dtype=np.int32)
        path = Path(work) / "dense.i32"
        costs.astype("<i4").tofile(path)
        ours = best_of(options.repeat, lambda: run_lodestar(binary, [str(path), "--format", "i32", "--rows", "5000", "--cols", "5000"]))
        matrix = costs.astype(np.float64)
        peer = best_of(options.repeat, lambda: (lambda r: (int(r[0][0]), r[1]))(timed(lambda: lap.lapjv(matrix))))
        rows.append(("dense 5000 × 5000, costs 0–10⁶", "lap.lapjv", ours, peer, 1.0))

        # 3. Sparse OR-Library assignp5000.
        instance = ROOT.parent / "shared" / "benchmarks" / "orlib" / "assignp5000.txt"
        if instance.exists():
            numbers = np.array(instance.read_text().split(), dtype=np.int64)
            n, triples = int(numbers[0]), numbers[1:].reshape(-1, 3)
            order = np.lexsort((triples[:, 1], triples[:, 0]))
            triples = triples[order]
            ii = np.concatenate(([0], np.cumsum(np.bincount(triples[:, 0] - 1, minlength=n)))).astype(np.int32)
            kk = (triples[:, 1] - 1).astype(np.int32)
            cc = triples[:, 2].astype(np.float64)
            ours = best_of(options.repeat, lambda: run_lodestar(binary, [str(instance)]))
            peer = best_of(options.repeat, lambda: (lambda r: (int(round(r[0][0])), r[1]))(timed(lambda: lap.lapmod(n, cc, ii, kk))))
            rows.append(("assignp5000 (sparse)", "lap.lapmod", ours, peer, 1.0))
        else:
            print(f"!! {instance} is absent: the sparse case did not run")

        # 4. General (non-bipartite) maximum-weight matching on complete graphs with random weights.
        def complete_graph(n, seed):
            local = np.random.default_rng(seed)
            a, b = np.triu_indices(n, k=1)
            w = local.integers(0, 1_000_001, size=a.size)
            path = Path(work) / f"graph{n}.txt"
            with open(path, "w") as f:
                f.write(f"{n}\n")
                np.savetxt(f, np.column_stack((a + 1, b + 1, w)), fmt="%d")
            return path, a, b, w
        path, a, b, w = complete_graph(400, 400)
        ours = best_of(options.repeat, lambda: run_lodestar(binary, ["--general", str(path)], objective="weight"))
        graph = nx.Graph()
        graph.add_weighted_edges_from(zip(a.tolist(), b.tolist(), w.tolist()))
        def networkx_weight():
            matching, seconds = timed(lambda: nx.max_weight_matching(graph))
            return sum(graph[u][v]["weight"] for u, v in matching), seconds
        peer = best_of(1, networkx_weight)
        rows.append(("general matching, complete graph, 400 nodes", "networkx.max_weight_matching", ours, peer, 0.01))
        path, *_ = complete_graph(2000, 2000)
        absolute.append(("general matching, complete graph, 2000 nodes", best_of(1, lambda: run_lodestar(binary, ["--general", str(path)], objective="weight")), 1.0))

        # 5. Stable matching, 5,000 × 1,000, capacity 5, full lists built from the costs.
        path = Path(work) / "capacity.i32"
        absolute.append(("stable matching 5000 × 1000, capacity 5, with ranking",
                         best_of(options.repeat, lambda: run_lodestar(binary, [str(path), "--format", "i32", "--rows", "5000", "--cols", "1000", "--capacity", "5", "--stable"])), 0.2))

        # 6. The whole policy: scoring, hard rules and the optimal solve on a demo-style cohort.
        absolute.append(("policy 10,000 mentees × 2,000 mentors", run_lodestar(binary, ["--repeat", str(options.repeat)], command="bench-match",
                                                                              objective="matched", seconds="plan_seconds"), 2.0))

    print()
    print(f"{'case':40} {'peer':34} {'Lodestar':>10} {'peer':>10} {'ratio':>7} {'target':>7}  objectives")
    failed = False
    for case, peer_name, (our_objective, our_seconds), (peer_objective, peer_seconds), target in rows:
        ratio = our_seconds / peer_seconds
        same = our_objective == peer_objective
        failed |= not same
        print(f"{case:40} {peer_name:34} {our_seconds:9.3f}s {peer_seconds:9.3f}s {ratio:7.3f} {'≤' + str(target):>7}  "
              f"{'equal' if same else 'DIFFER'} ({our_objective}{'' if same else ' vs ' + str(peer_objective)})")
    print()
    print(f"{'case (no peer: absolute target)':55} {'Lodestar':>10} {'target':>9}")
    for case, (_, seconds), target in absolute:
        print(f"{case:55} {seconds:9.3f}s {'< ' + str(target) + 's':>9}")
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
