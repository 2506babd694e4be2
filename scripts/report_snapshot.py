#!/usr/bin/env python3
"""Before/after evidence for refactors that must not change behaviour.

  scripts/report_snapshot.py snap BINARY OUT.jsonl   scan examples/*, every fixture case and the
                                                     repository itself with every rule, one JSON
                                                     line per tree
  scripts/report_snapshot.py diff BEFORE.jsonl AFTER.jsonl
                                                     print what changed, tree by tree

A fixture case is scanned with all rules (not only the rule under test), so a change in any rule
that reads the same files shows up here even when the fixture harness stays green.
"""
import concurrent.futures
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def trees():
    out = [ROOT]
    out += sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())
    out += sorted(p for p in (ROOT / "tests" / "fixtures").glob("*/*/*") if p.is_dir())
    return out


def scan(binary, tree):
    run = subprocess.run([binary, "scan", str(tree), "--format", "json", "--fail-on", "never",
                          "-j", "1"], capture_output=True, text=True, timeout=300)
    name = str(tree.relative_to(ROOT)) or "."
    if run.returncode not in (0, 1):
        return {"tree": name, "exit": run.returncode, "stderr": run.stderr[-2000:]}
    report = json.loads(run.stdout)
    findings = sorted(
        f"{f.get('severity')} {f.get('rule')} {f.get('file')}:{f.get('line')} {f.get('message')}"
        for f in report.get("findings", []))
    rules = {r["id"]: f"{r.get('status')} {r.get('reason', '')}" for r in report.get("rules", [])}
    return {"tree": name, "level": report["level"]["name"], "findings": findings, "rules": rules}


def snap(binary, out):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda t: scan(binary, t), trees()))
    with open(out, "w", encoding="utf-8") as f:
        for result in results:
            f.write(json.dumps(result, sort_keys=True) + "\n")
    print(f"{len(results)} trees scanned into {out}")


def load(path):
    # A fixture case renamed silent-* -> skips-* (issue 12) is the same tree.
    with open(path, encoding="utf-8") as f:
        return {r["tree"].replace("/skips-", "/silent-"): r for r in map(json.loads, f)}


def diff(before_path, after_path):
    before, after = load(before_path), load(after_path)
    changed = 0
    for tree in sorted(set(before) | set(after)):
        b, a = before.get(tree, {}), after.get(tree, {})
        if not b or not a:
            changed += 1
            side = "new" if not b else "gone"
            print(f"{tree}\n  {side} tree: {len((a or b).get('findings', []))} findings")
            continue
        lines = []
        if b.get("level") != a.get("level"):
            lines.append(f"  level: {b.get('level')} -> {a.get('level')}")
        for gone in sorted(set(b.get("findings", [])) - set(a.get("findings", []))):
            lines.append(f"  - {gone}")
        for new in sorted(set(a.get("findings", [])) - set(b.get("findings", []))):
            lines.append(f"  + {new}")
        b_rules, a_rules = b.get("rules", {}), a.get("rules", {})
        for rule in sorted(set(b_rules) | set(a_rules)):
            if b_rules.get(rule) != a_rules.get(rule):
                lines.append(f"  ~ {rule}: {b_rules.get(rule)} -> {a_rules.get(rule)}")
        if "exit" in a:
            lines.append(f"  exit {a['exit']}: {a.get('stderr', '')}")
        if lines:
            changed += 1
            print(tree)
            print("\n".join(lines))
    print(f"{changed} of {len(after)} trees changed")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "snap":
        snap(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        diff(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
