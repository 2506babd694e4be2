#!/usr/bin/env python3
"""Scans the real-world corpus with one golive binary and measures its precision.

Every directory under corpus/ (extracted by fetch.sh from the commits pinned in REPOS.md) is
scanned with `golive scan <dir> --format json --fail-on never`. The report prints

  (a) one row per repository: files scanned, error/warning/info counts, verdict level;
  (b) one row per rule: severity, findings across the corpus, repositories it fired in;
  (c) when judgements.jsonl exists: precision per rule and per severity over the judged findings
      that still appear, repositories blocked only by false errors, and the unjudged errors.

judgements.jsonl holds one JSON object per line:
  {"repo": "owner/name", "rule": "k8s/image-latest", "path": "deploy/app.yaml", "line": 12,
   "verdict": "true" | "false" | "debatable", "reason": "one line"}
A judgement matches the findings of that rule at that path and line (path "" and line 0 for
repository-level findings); several findings at one location share the judgement and count once.

  run.py [--golive build/golive] [--out results.json]     scan and report
  run.py --from results.json                              report from saved results, no scan
  run.py --diff old.json new.json                         findings gained and lost per repo/rule
"""
import argparse
import collections
import concurrent.futures
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VERDICTS = ("true", "false", "debatable")
SEVERITIES = ("error", "warning", "info")


def repo_name(key):
    """corpus/<owner>+<name> -> owner/name"""
    return key.replace("+", "/", 1)


def pinned_commit(corpus, key):
    marker = os.path.join(corpus, key + ".commit")
    try:
        with open(marker) as f:
            return f.read().strip()
    except OSError:
        return ""


def resolve_binary(path):
    if os.path.isabs(path) or os.path.exists(path):
        return os.path.abspath(path)
    candidate = os.path.join(ROOT, path)
    return candidate if os.path.exists(candidate) else os.path.abspath(path)


def scan_one(binary, corpus, key, scan_jobs):
    directory = os.path.join(corpus, key)
    command = [binary, "scan", directory, "--format", "json", "--fail-on", "never", "--color", "never"]
    if scan_jobs:
        command += ["--jobs", str(scan_jobs)]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, errors="replace")
    seconds = time.perf_counter() - start
    result = {"repo": repo_name(key), "key": key, "commit": pinned_commit(corpus, key),
              "seconds": round(seconds, 3), "exit_code": proc.returncode}
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as error:
        result["error"] = f"no JSON report (exit {proc.returncode}): {error}; stderr: {proc.stderr.strip()[:400]}"
        return result
    summary = report.get("summary", {})
    result.update({
        "level": report.get("level", {}).get("name", "?"),
        "level_reason": report.get("level", {}).get("reason", ""),
        "files_scanned": summary.get("files_scanned", 0),
        "counts": {s: summary.get("findings", {}).get(s, 0) for s in SEVERITIES},
        "hidden": summary.get("hidden", 0),
        "findings": [{
            "rule": f.get("rule", ""),
            "severity": f.get("severity", ""),
            "path": f.get("file") or "",
            "line": f.get("line") or 0,
            "message": f.get("message", ""),
            "fingerprint": f.get("fingerprint", ""),
        } for f in report.get("findings", [])],
    })
    return result


def scan_corpus(args):
    binary = resolve_binary(args.golive)
    if not os.access(binary, os.X_OK):
        sys.exit(f"golive binary not found or not executable: {binary}")
    if not os.path.isdir(args.corpus):
        sys.exit(f"no corpus at {args.corpus}: run bench/realworld/fetch.sh first")
    keys = sorted(k for k in os.listdir(args.corpus) if os.path.isdir(os.path.join(args.corpus, k)))
    if args.repos:
        wanted = {r.replace("/", "+", 1) for r in args.repos}
        keys = [k for k in keys if k in wanted]
    if not keys:
        sys.exit("no repositories to scan")
    version = subprocess.run([binary, "version"], capture_output=True, text=True).stdout.strip()
    print(f"scanning {len(keys)} repositories with {binary} ({version})", file=sys.stderr)
    start = time.perf_counter()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(scan_one, binary, args.corpus, k, args.scan_jobs): k for k in keys}
        for future in concurrent.futures.as_completed(futures):
            r = future.result()
            results[r["key"]] = r
            status = r.get("error") or f"{r['level']}, {sum(r['counts'].values())} findings"
            print(f"  {r['repo']}: {r['seconds']:.1f} s, {status}", file=sys.stderr)
    wall = time.perf_counter() - start
    return {
        "schema": "golive-realworld/1",
        "golive": binary,
        "golive_version": version,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "wall_seconds": round(wall, 2),
        "jobs": args.jobs,
        "repos": [results[k] for k in keys],
    }


def table(headers, rows, align=None):
    """Markdown table with padded columns; align is a string of 'l'/'r' per column."""
    align = align or "l" * len(headers)
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def fmt(row):
        return "| " + " | ".join(c.rjust(w) if a == "r" else c.ljust(w)
                                 for c, w, a in zip(row, widths, align)) + " |"
    lines = [fmt(headers), "|" + "|".join(("-" * (w + 1) + ":") if a == "r" else ("-" * (w + 2))
                                           for w, a in zip(widths, align)) + "|"]
    lines += [fmt(r) for r in cells]
    return "\n".join(lines)


def load_judgements(path):
    judged = {}
    if not path or not os.path.exists(path):
        return None
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                j = json.loads(line)
            except json.JSONDecodeError as error:
                sys.exit(f"{path}:{number}: not JSON: {error}")
            missing = [k for k in ("repo", "rule", "path", "line", "verdict") if k not in j]
            if missing:
                sys.exit(f"{path}:{number}: missing {', '.join(missing)}")
            if j["verdict"] not in VERDICTS:
                sys.exit(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS)}")
            key = (j["repo"], j["rule"], j["path"] or "", int(j["line"] or 0))
            if key in judged and judged[key]["verdict"] != j["verdict"]:
                print(f"warning: {path}:{number}: {key} judged twice with different verdicts; the last wins",
                      file=sys.stderr)
            judged[key] = j
    return judged


def pct(numerator, denominator):
    return f"{100.0 * numerator / denominator:.0f}%" if denominator else "-"


def report(data, judgements_path, unjudged_limit):
    repos = data["repos"]
    out = []
    out.append(f"# golive real-world corpus: {len(repos)} repositories")
    out.append(f"binary: {data.get('golive')} ({data.get('golive_version', '?')}); "
               f"wall time {data.get('wall_seconds', 0):.1f} s with {data.get('jobs', 1)} scan(s) at a time")
    out.append("")

    # (a) per repository
    rows = []
    levels = collections.Counter()
    totals = collections.Counter()
    for r in repos:
        if "error" in r:
            rows.append([r["repo"], "-", "-", "-", "-", "SCAN FAILED", f"{r['seconds']:.1f}"])
            levels["scan failed"] += 1
            continue
        c = r["counts"]
        rows.append([r["repo"], r["files_scanned"], c["error"], c["warning"], c["info"], r["level"],
                     f"{r['seconds']:.1f}"])
        levels[r["level"]] += 1
        totals.update(c)
        totals["files"] += r["files_scanned"]
    rows.append(["**total**", totals["files"], totals["error"], totals["warning"], totals["info"],
                 ", ".join(f"{n} {lvl}" for lvl, n in levels.most_common()), ""])
    out.append("## Per repository")
    out.append(table(["repository", "files", "error", "warning", "info", "level", "s"], rows, "lrrrrlr"))
    for r in repos:
        if "error" in r:
            out.append(f"- {r['repo']}: {r['error']}")
    out.append("")

    # (b) per rule: one row per rule and severity (secrets/committed-secret reports both)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    by_rule = collections.defaultdict(lambda: {"count": 0, "repos": set()})
    for r in repos:
        for f in r.get("findings", []):
            entry = by_rule[(f["rule"], f["severity"])]
            entry["count"] += 1
            entry["repos"].add(r["repo"])
    rows = [[rule, severity, e["count"], len(e["repos"])]
            for (rule, severity), e in sorted(by_rule.items(),
                                              key=lambda kv: (order.get(kv[0][1], 9), -kv[1]["count"], kv[0][0]))]
    fired = len({rule for rule, _ in by_rule})
    out.append(f"## Per rule ({fired} rules fired)")
    out.append(table(["rule", "severity", "findings", "repos"], rows, "llrr"))
    out.append("")

    # (c) precision
    judged = load_judgements(judgements_path)
    if judged is None:
        out.append(f"(no judgements at {judgements_path}: precision not computed)")
        return "\n".join(out)

    locations = {}  # (repo, rule, path, line) -> worst severity among findings there
    messages = {}
    for r in repos:
        for f in r.get("findings", []):
            key = (r["repo"], f["rule"], f["path"], f["line"])
            previous = locations.get(key)
            if previous is None or order.get(f["severity"], 9) < order.get(previous, 9):
                locations[key] = f["severity"]
            messages.setdefault(key, f["message"])
    matched = {k: j for k, j in judged.items() if k in locations}
    stale = [k for k in judged if k not in locations]

    per_rule = collections.defaultdict(collections.Counter)
    per_severity = collections.defaultdict(collections.Counter)
    for key, j in matched.items():
        per_rule[(key[1], locations[key])][j["verdict"]] += 1
        per_severity[locations[key]][j["verdict"]] += 1
    located_by_sev = collections.Counter(locations.values())

    out.append(f"## Precision over {len(matched)} judged locations that still appear "
               f"({len(judged)} judgements, {len(stale)} no longer reported)")
    out.append("precision = true / judged; lenient = (true + debatable) / judged")
    out.append("")
    rows = []
    for severity in SEVERITIES:
        c = per_severity[severity]
        n = sum(c.values())
        rows.append([severity, located_by_sev[severity], n, c["true"], c["false"], c["debatable"],
                     pct(c["true"], n), pct(c["true"] + c["debatable"], n)])
    out.append(table(["severity", "locations", "judged", "true", "false", "debatable", "precision", "lenient"],
                     rows, "lrrrrrrr"))
    out.append("")
    rows = []
    for (rule, severity), c in sorted(per_rule.items(),
                                      key=lambda kv: (order.get(kv[0][1], 9), -kv[1]["false"], kv[0][0])):
        n = sum(c.values())
        rows.append([rule, severity, n, c["true"], c["false"], c["debatable"], pct(c["true"], n),
                     pct(c["true"] + c["debatable"], n)])
    out.append(table(["rule", "severity", "judged", "true", "false", "debatable", "precision", "lenient"],
                     rows, "llrrrrrr"))
    out.append("")

    # Repositories whose verdict rests on errors: is any blocked by false errors only?
    rows = []
    for r in repos:
        errors = [k for k, s in locations.items() if k[0] == r["repo"] and s == "error"]
        if not errors:
            continue
        c = collections.Counter(judged[k]["verdict"] if k in judged else "unjudged" for k in errors)
        if c["unjudged"] == len(errors):
            continue
        if c["true"]:
            blocked_by = "a true error"
        elif c["debatable"]:
            blocked_by = "debatable errors only"
        elif c["unjudged"]:
            blocked_by = "undecided (unjudged errors)"
        else:
            blocked_by = "FALSE errors only"
        rows.append([r["repo"], r.get("level", "?"), len(errors), c["true"], c["false"], c["debatable"],
                     c["unjudged"], blocked_by])
    if rows:
        out.append("## Error verdicts of the judged repositories")
        out.append(table(["repository", "level", "error locations", "true", "false", "debatable", "unjudged",
                          "blocked by"], rows, "llrrrrrl"))
        out.append("")

    unjudged = sorted(k for k, s in locations.items() if s == "error" and k not in judged)
    out.append(f"## Unjudged error findings ({len(unjudged)} locations)")
    for key in unjudged[:unjudged_limit]:
        repo, rule, path, line = key
        where = f"{path}:{line}" if path else "(repository)"
        out.append(f"- {repo} {rule} {where} -- {messages[key][:140]}")
    if len(unjudged) > unjudged_limit:
        out.append(f"- ... and {len(unjudged) - unjudged_limit} more (--unjudged-limit to show them)")
    if stale:
        out.append("")
        out.append(f"## Judgements no longer reported ({len(stale)})")
        for repo, rule, path, line in sorted(stale)[:unjudged_limit]:
            out.append(f"- {repo} {rule} {path}:{line} ({judged[(repo, rule, path, line)]['verdict']})")
    return "\n".join(out)


def diff(old_path, new_path, limit):
    with open(old_path) as f:
        old = json.load(f)
    with open(new_path) as f:
        new = json.load(f)
    old_repos = {r["repo"]: r for r in old["repos"]}
    new_repos = {r["repo"]: r for r in new["repos"]}
    out = [f"# diff {old_path} ({old.get('golive_version', '?')}) -> {new_path} ({new.get('golive_version', '?')})"]
    total_gained = total_lost = 0
    rule_delta = collections.Counter()
    only_old = sorted(set(old_repos) - set(new_repos))
    only_new = sorted(set(new_repos) - set(old_repos))
    if only_old:
        out.append(f"only in {old_path} (not compared): {', '.join(only_old)}")
    if only_new:
        out.append(f"only in {new_path} (not compared): {', '.join(only_new)}")
    for repo in sorted(set(old_repos) & set(new_repos)):
        a, b = old_repos[repo], new_repos[repo]

        def keyed(r):
            c = collections.Counter()
            sev = {}
            for f in r.get("findings", []):
                k = (f["rule"], f["path"], f["line"])
                c[k] += 1
                sev[k] = f["severity"]
            return c, sev
        ca, sa = keyed(a)
        cb, sb = keyed(b)
        gained, lost = cb - ca, ca - cb
        resevered = sorted(k for k in set(ca) & set(cb) if sa[k] != sb[k])
        level_change = a.get("level") != b.get("level")
        if not gained and not lost and not resevered and not level_change:
            continue
        ga, la = sum(gained.values()), sum(lost.values())
        total_gained += ga
        total_lost += la
        out.append(f"\n## {repo}: level {a.get('level')} -> {b.get('level')}; +{ga} -{la} findings; "
                   f"errors {a.get('counts', {}).get('error')} -> {b.get('counts', {}).get('error')}")
        for sign, counter, sevs in (("+", gained, sb), ("-", lost, sa)):
            by_rule = collections.defaultdict(list)
            for k, n in counter.items():
                by_rule[k[0]].extend([k] * n)
            for rule in sorted(by_rule):
                keys = sorted(by_rule[rule], key=lambda k: (k[1], k[2]))
                rule_delta[rule] += len(keys) if sign == "+" else -len(keys)
                shown = ", ".join(f"{k[1] or '(repo)'}:{k[2]}" for k in keys[:limit])
                more = f" (+{len(keys) - limit} more)" if len(keys) > limit else ""
                out.append(f"  {sign} {rule} [{sevs[keys[0]]}] x{len(keys)}: {shown}{more}")
        for k in resevered:
            out.append(f"  ~ {k[0]} {k[1] or '(repo)'}:{k[2]} severity {sa[k]} -> {sb[k]}")
    out.append(f"\n# total: +{total_gained} -{total_lost} findings")
    changed = [(rule, d) for rule, d in rule_delta.items() if d]
    if changed:
        out.append(table(["rule", "net change"], [[r, f"{d:+d}"] for r, d in
                                                   sorted(changed, key=lambda x: (x[1], x[0]))], "lr"))
    return "\n".join(out)


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `run.py ... | head` ends quietly
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--golive", default="build/golive",
                        help="golive binary (relative paths are tried from the cwd, then the repository root)")
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    parser.add_argument("--judgements", default=os.path.join(HERE, "judgements.jsonl"))
    parser.add_argument("--out", help="write the raw results (every finding of every repository) to this JSON file")
    parser.add_argument("--from", dest="from_file", metavar="RESULTS.json",
                        help="report from results written earlier with --out instead of scanning")
    parser.add_argument("--diff", nargs=2, metavar=("OLD.json", "NEW.json"),
                        help="list findings gained and lost per repository and rule between two --out files")
    parser.add_argument("--repos", nargs="+", metavar="OWNER/NAME", help="scan only these repositories")
    parser.add_argument("--jobs", type=int, default=1, help="repositories scanned at once (default 1)")
    parser.add_argument("--scan-jobs", type=int, default=0, help="golive --jobs per scan (default: golive's own)")
    parser.add_argument("--limit", type=int, default=8, help="locations shown per rule in --diff")
    parser.add_argument("--unjudged-limit", type=int, default=200, help="unjudged errors listed at most")
    args = parser.parse_args()

    if args.diff:
        print(diff(args.diff[0], args.diff[1], args.limit))
        return
    if args.from_file:
        with open(args.from_file) as f:
            data = json.load(f)
    else:
        data = scan_corpus(args)
        if args.out:
            with open(args.out, "w") as f:
                json.dump(data, f, indent=1)
            print(f"raw results written to {args.out}", file=sys.stderr)
    print(report(data, args.judgements, args.unjudged_limit))


if __name__ == "__main__":
    main()
