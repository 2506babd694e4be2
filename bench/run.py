#!/usr/bin/env python3
"""Times `golive scan` on the synthetic corpus beside the I/O floor on the same tree.

The I/O floor is the time to read every file once with warm caches (find | xargs cat).
Each figure is the best of --runs runs. Prints a Markdown table row for bench/RESULTS.md.
"""
import argparse
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def best_time(command, runs):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, shell=True, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", "build", "golive"))
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    if not os.path.isdir(args.corpus):
        print(f"generating corpus ({args.services} services) in {args.corpus}", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), args.corpus,
                        "--services", str(args.services)], check=True)
    files = sum(len(f) for _, _, f in os.walk(args.corpus))
    size = sum(os.path.getsize(os.path.join(d, n)) for d, _, fs in os.walk(args.corpus) for n in fs)

    floor_cmd = f"find {args.corpus} -type f -print0 | xargs -0 cat > /dev/null"
    scan_cmd = f"{args.binary} scan {args.corpus} --format json --fail-on never > /dev/null"
    best_time(floor_cmd, 1)  # warm the page cache
    floor = best_time(floor_cmd, args.runs)
    scan = best_time(scan_cmd, args.runs)
    ratio = scan / floor if floor > 0 else float("inf")

    print(f"corpus: {files} files, {size / 1e6:.1f} MB; cores: {os.cpu_count()}; {platform.machine()}")
    print(f"I/O floor (find | xargs cat, best of {args.runs}): {floor * 1000:.0f} ms")
    print(f"golive scan (best of {args.runs}):                {scan * 1000:.0f} ms")
    print(f"ratio: {ratio:.2f}x the I/O floor (target: <= 2x)")
    print(f"| {time.strftime('%Y-%m-%d')} | {files} | {size / 1e6:.1f} MB | {floor * 1000:.0f} ms | "
          f"{scan * 1000:.0f} ms | {ratio:.2f}x |")
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
