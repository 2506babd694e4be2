#!/usr/bin/env python3
"""Benchmarks `golive secrets` and prints rows for bench/RESULTS.md.

Tree: on the corpus from gen_corpus.py (>= 1 GiB, warm page cache), golive against ripgrep
running the same patterns (`rg -f`, the table's single-line patterns), both with the same number
of threads; also golive on one thread for the per-core rate. Then recall on the planted secrets
and false positives on the planted decoys and on the generated code around them.
History: on the repository from gen_history.py, commits/s and distinct blobs/s, and recall of the
secrets that were added and later removed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
from table import load_rules  # noqa: E402


def timed(command, runs):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def ensure(path, generator, extra):
    if not os.path.exists(path):
        print(f"generating {path}", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, generator), path] + extra, check=True)
    with open(path.rstrip("/") + ".manifest.json") as manifest:
        return json.load(manifest)


def tree_size(path):
    files = size = 0
    for directory, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(directory, name))
    return files, size


def accuracy(findings, manifest):
    by_file = {}
    for finding in findings:
        by_file.setdefault(finding["path"], []).append(finding)
    found = exact = 0
    covered = set()
    for record in manifest["planted"]:
        lines = range(record["line"], record["line"] + record["lines"])
        hits = [f for f in by_file.get(record["path"], []) if f["line"] in lines]
        covered.update((record["path"], f["line"]) for f in hits)
        found += bool(hits)
        # Where formats overlap, a more specific rule may report the example of a general one.
        exact += any(f["rule"] == "secrets/" + record["rule"] for f in hits)
    decoy_lines = {(d["path"], d["line"] + i) for d in manifest["decoys"] for i in range(d["lines"])}
    on_decoys = [f for f in findings if (f["path"], f["line"]) in decoy_lines]
    elsewhere = [f for f in findings
                 if (f["path"], f["line"]) not in covered and (f["path"], f["line"]) not in decoy_lines]
    return found, exact, on_decoys, elsewhere


def rg_pattern(pattern):
    """The same pattern in ripgrep's dialect: it searches line by line, so a line start or end
    written as ^ or \\n becomes ^ or $, and it rejects the escaped quote RE2 accepts."""
    return (pattern.replace("\\'", "'").replace("(?:^|\\n)", "^")
            .replace("(?:\\r|\\n|#|$)", "(?:\\r|#|$)"))


def bench_tree(args, binary):
    corpus = os.path.join(args.work, "tree")
    manifest = ensure(corpus, "gen_corpus.py", ["--size-mb", str(args.size_mb)])
    files, size = tree_size(corpus)
    rules = load_rules()
    patterns = os.path.join(args.work, "patterns.txt")
    with open(patterns, "w") as out:
        for rule in rules:
            if not rule["multiline"]:
                out.write(rg_pattern(rule["pattern"]) + "\n")
    single_line = sum(1 for r in rules if not r["multiline"])
    threads = args.jobs
    floor_cmd = f"find {corpus} -type f -print0 | xargs -0 cat > /dev/null"
    golive_cmd = f"{binary} secrets {corpus} --format json --fail-on never --jobs {threads} > /dev/null"
    golive_one = f"{binary} secrets {corpus} --format json --fail-on never --jobs 1 > /dev/null"
    rg_cmd = f"rg --no-config -j {threads} -c -f {patterns} {corpus} > /dev/null"
    timed(floor_cmd, 1)
    floor = timed(floor_cmd, args.runs)
    golive = timed(golive_cmd, args.runs)
    golive_single = timed(golive_one, max(1, args.runs // 2))
    rg = timed(rg_cmd, args.rg_runs) if shutil.which("rg") and args.rg_runs > 0 else float("nan")
    report = json.loads(subprocess.run(
        f"{binary} secrets {corpus} --format json --fail-on never", shell=True,
        capture_output=True, text=True).stdout)
    found, exact, on_decoys, elsewhere = accuracy(report["findings"], manifest)
    gb = size / 1e9
    print(f"tree corpus: {files} files, {size / 2**30:.2f} GiB, {len(manifest['planted'])} planted "
          f"secrets, {len(manifest['decoys'])} decoys; {os.cpu_count()} cores; {threads} threads")
    print(f"I/O floor (find | xargs cat):                 {floor:.2f} s")
    print(f"golive secrets, {threads} threads:                 {golive:.2f} s  ({gb / golive:.2f} GB/s)")
    print(f"golive secrets, 1 thread:                     {golive_single:.2f} s  ({gb / golive_single:.2f} GB/s per core)")
    print(f"rg -f ({single_line} patterns), {threads} threads:         {rg:.2f} s  (golive {rg / golive:.1f}x faster)")
    rates = matching_rates(corpus)
    if rates:
        print(f"matching alone, 1 core, corpus in memory:     {rates['SecretsDetectorInMemory']:.2f} GB/s  "
              f"(first pass alone {rates['SecretsFirstPassInMemory']:.2f} GB/s; bench/micro)")
    print(f"recall: {found}/{len(manifest['planted'])} planted secrets found "
          f"({exact} by the rule they were written for); findings on decoys: {len(on_decoys)} of "
          f"{len(manifest['decoys'])}; findings in the generated code: {len(elsewhere)}")
    for f in (on_decoys + elsewhere)[:10]:
        print(f"  false positive: {f['path']}:{f['line']} {f['rule']} {f['secret']}")
    missed = [r for r in manifest["planted"]
              if not any(f["path"] == r["path"] and f["rule"] == "secrets/" + r["rule"]
                         and r["line"] <= f["line"] < r["line"] + r["lines"] for f in report["findings"])]
    for record in missed[:10]:
        print(f"  missed: {record['path']}:{record['line']} {record['rule']}")


def matching_rates(corpus):
    """GB/s on one core with the files already in memory, of the whole detector and of its
    Vectorscan pass alone (the BM_Secrets*InMemory micro benchmarks), or None when they are not
    built."""
    micro = os.path.join(ROOT, "build", "bench", "micro", "golive_micro_bench")
    if not os.path.exists(micro):
        return None
    result = subprocess.run([micro, "--benchmark_filter=Secrets.*InMemory",
                             "--benchmark_format=json"], capture_output=True, text=True,
                            env=dict(os.environ, GOLIVE_SECRETS_CORPUS=corpus))
    if result.returncode != 0:
        return None
    rates = {}
    for benchmark in json.loads(result.stdout)["benchmarks"]:
        if benchmark.get("error_occurred"):
            continue
        name = benchmark["name"].split("/")[0].removeprefix("BM_")
        rates[name] = benchmark["bytes_per_second"] / 1e9
    return rates if len(rates) == 2 else None


def bench_history(args, binary):
    repo = os.path.join(args.work, "history")
    manifest = ensure(repo, "gen_history.py", ["--commits", str(args.commits)])
    command = f"{binary} secrets {repo} --history --format json --fail-on never --jobs {args.jobs}"
    timed(command + " > /dev/null", 1)
    seconds = timed(command + " > /dev/null", args.runs)
    report = json.loads(subprocess.run(command, shell=True, capture_output=True, text=True).stdout)
    summary = report["summary"]
    paths = {(f["path"], f["rule"]) for f in report["findings"]}
    found = sum(1 for r in manifest["planted"] if (r["path"], "secrets/" + r["rule"]) in paths)
    print(f"history: {summary['commits']} commits, {summary['files']} distinct blobs, "
          f"{summary['bytes'] / 1e6:.0f} MB; {args.jobs} threads")
    print(f"golive secrets --history: {seconds:.2f} s  ({summary['commits'] / seconds:,.0f} commits/s, "
          f"{summary['files'] / seconds:,.0f} blobs/s)")
    print(f"history recall: {found}/{len(manifest['planted'])} planted secrets found after removal")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "golive"))
    parser.add_argument("--work", default=os.path.join(HERE, "corpus"))
    parser.add_argument("--size-mb", type=int, default=1100)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rg-runs", type=int, default=1)
    parser.add_argument("--skip-history", action="store_true")
    parser.add_argument("--skip-tree", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if not args.skip_tree:
        bench_tree(args, args.binary)
    if not args.skip_history:
        bench_history(args, args.binary)


if __name__ == "__main__":
    main()
