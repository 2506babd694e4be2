#!/usr/bin/env python3
"""Generates a git repository with a long history for `golive secrets --history`.

--commits commits on main (default 20,000), each changing one to three of --files source files
(built like gen_corpus.py's), written with `git fast-import` so the repository takes seconds to
build. Every --plant-every-th commit adds one rule example from src/secrets/rule_table.inc to a
file, and a later commit removes it again, so the secret lives only in history.
The planted secrets are listed in <out>.manifest.json.
"""
import argparse
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_corpus import LANGS, WORDS, line_pool  # noqa: E402
from table import load_rules  # noqa: E402


def blob(text):
    data = text.encode()
    return b"data %d\n" % len(data) + data + b"\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--plant-every", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rules = [r for r in load_rules() if r["examples"]]
    pools = {lang: line_pool(rng, lang, 2000) for lang in LANGS}
    langs = list(LANGS)
    files = {}
    for i in range(args.files):
        lang = rng.choice(langs)
        files[f"svc{i % 31}/{'_'.join(rng.sample(WORDS, 2))}_{i}.{lang}"] = (
            lang, rng.choices(pools[lang], k=rng.randint(60, 200)))
    paths = sorted(files)

    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    importer = subprocess.Popen(["git", "-C", args.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = importer.stdin
    planted = []
    pending_removal = {}
    when = 1_600_000_000
    for number in range(1, args.commits + 1):
        when += rng.randint(60, 3600)
        changes = {}
        if number == 1:
            changes = {p: "\n".join(files[p][1]) + "\n" for p in paths}
        else:
            for path in rng.sample(paths, rng.randint(1, 3)):
                lang, lines = files[path]
                at = rng.randrange(len(lines))
                lines[at] = rng.choice(pools[lang])
                changes[path] = "\n".join(lines) + "\n"
            if number % args.plant_every == 0:
                rule = rng.choice(rules)
                example = rng.choice(rule["examples"])
                path = rng.choice(paths)
                lang, lines = files[path]
                at = rng.randrange(len(lines))
                lines.insert(at, example)
                changes[path] = "\n".join(lines) + "\n"
                planted.append({"path": path, "rule": rule["id"], "commit_number": number})
                pending_removal[number + rng.randint(1, 20)] = (path, example)
            if number in pending_removal:
                path, example = pending_removal.pop(number)
                lang, lines = files[path]
                if example in lines:
                    lines.remove(example)
                    changes[path] = "\n".join(lines) + "\n"
        author = f"{rng.choice(WORDS).title()} Dev <dev{rng.randint(1, 40)}@example.com>"
        out.write(b"commit refs/heads/main\n")
        out.write(b"author %s %d +0000\ncommitter %s %d +0000\n" % (author.encode(), when, author.encode(), when))
        out.write(blob(f"change {number}"))
        for path, text in changes.items():
            out.write(b"M 100644 inline " + path.encode() + b"\n" + blob(text))
        out.write(b"\n")
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", args.out, "checkout", "-q", "main"], check=True)
    with open(args.out.rstrip("/") + ".manifest.json", "w") as manifest:
        json.dump({"commits": args.commits, "planted": planted}, manifest)
    print(f"{args.commits} commits, {len(planted)} planted secrets", file=sys.stderr)


if __name__ == "__main__":
    main()
