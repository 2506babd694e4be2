#!/usr/bin/env python3
"""Runs scripts/new_rule.py on a scratch copy of the tree, for a section with a '-' in its name,
for one without, and for a per-container check, and checks that each generated rule compiles
and is registered."""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMPILER = sys.argv[1] if len(sys.argv) > 1 else "c++"


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(os.path.join(ROOT, "src"), os.path.join(scratch, "src"))
        os.makedirs(os.path.join(scratch, "tests", "fixtures"))
        for section, slug, namespace, extra in (
                ("supply-chain", "scaffold-probe", "supply_chain", []),
                ("k8s", "scaffold-probe", "k8s", []),
                ("security", "scaffold-probe", "security", ["--inspects", "container"])):
            run = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "new_rule.py"),
                                  "--root", scratch] + extra + [section, slug, "Scaffold probe"],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"FAIL {section}: new_rule.py exited {run.returncode}: {run.stderr}")
                failures += 1
                continue
            source = os.path.join(scratch, "src", "rules", section, "scaffold_probe.cpp")
            with open(source) as f:
                text = f.read()
            if f"namespace golive::rules::{namespace} {{" not in text:
                print(f"FAIL {section}: namespace golive::rules::{namespace} not in {source}")
                failures += 1
            if extra and "check_container = check" not in text:
                print(f"FAIL {section}: --inspects container wrote no per-container check")
                failures += 1
            compiled = subprocess.run([COMPILER, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra",
                                       "-Werror", "-I", os.path.join(scratch, "src"), source],
                                      capture_output=True, text=True)
            if compiled.returncode != 0:
                print(f"FAIL {section}: the generated rule does not compile:\n{compiled.stderr}")
                failures += 1
            with open(os.path.join(scratch, "src", "rules", "registry.inc")) as f:
                if f"GOLIVE_RULE({namespace}, kScaffoldProbe)" not in f.read():
                    print(f"FAIL {section}: registry.inc lacks the new rule")
                    failures += 1
            for case in ("fires-basic", "silent-basic", "skips-basic"):
                if not os.path.isdir(os.path.join(scratch, "tests", "fixtures", section,
                                                  slug, case)):
                    print(f"FAIL {section}: no {case} fixture folder")
                    failures += 1
    print(f"scaffolding checks: {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
