#!/usr/bin/env python3
"""Generates the secrets benchmark corpus: realistic source text with planted secrets and decoys.

The tree holds Python, JavaScript, Go, Java, YAML, JSON and Markdown files built from generated
lines (identifiers, calls, string literals, comments, words such as password or token in harmless
code). Into it go:
  - planted secrets: every example of every rule in src/secrets/rule_table.inc, each in
    --copies different files;
  - decoys: placeholders (EXAMPLE keys, xxxx tokens, ${VAR}, <your-token>, template values),
    hashes, UUIDs, git object ids, npm integrity strings, base64 images and random identifiers.
    (The rules' counter-examples are not decoys here: a truncated Stripe key is not a Stripe key
    but may rightly be a generic secret; the unit tests check each against its own rule.)
manifest.json records where each was put, so bench/secrets/run.py can measure recall and false
positives. Deterministic for a given --seed.
"""
import argparse
import base64
import hashlib
import json
import os
import random
import string
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from table import load_rules  # noqa: E402

WORDS = ("user order invoice account payment session cache queue worker client server request "
         "response handler config setting value item record event metric login report export "
         "import customer product price total count status error retry timeout limit offset page "
         "filter sort field schema model view").split()
# Words that draw a secret rule's attention; in real code they name a few identifiers in a
# hundred, not one in eight.
SENSITIVE = "token password secret key credential auth".split()


def word(rng):
    return rng.choice(SENSITIVE) if rng.random() < 0.02 else rng.choice(WORDS)
LANGS = {"py": 0.25, "js": 0.25, "go": 0.15, "java": 0.1, "yaml": 0.1, "json": 0.05, "md": 0.1}


def ident(rng, parts=2):
    return "_".join(word(rng) for _ in range(parts))


def camel(rng, parts=2):
    first, *rest = [word(rng) for _ in range(parts)]
    return first + "".join(w.capitalize() for w in rest)


def line_pool(rng, lang, size):
    makers = {
        "py": [lambda: f"    {ident(rng)} = {ident(rng)}({ident(rng, 1)}, {rng.randint(0, 999)})",
               lambda: f"    # {' '.join(rng.choice(WORDS) for _ in range(8))}",
               lambda: f"def {ident(rng, 3)}({ident(rng, 1)}, {ident(rng, 1)}=None):",
               lambda: f"    return {{'{ident(rng, 1)}': {ident(rng)}, 'status': {rng.randint(200, 504)}}}",
               lambda: f"    logger.info('{' '.join(rng.choice(WORDS) for _ in range(6))} %s', {ident(rng, 1)})",
               lambda: "", lambda: f"import {ident(rng, 1)}"],
        "js": [lambda: f"  const {camel(rng)} = await {camel(rng)}({camel(rng, 1)}, {rng.randint(0, 999)});",
               lambda: f"  // {' '.join(rng.choice(WORDS) for _ in range(8))}",
               lambda: f"export function {camel(rng, 3)}({camel(rng, 1)}, options = {{}}) {{",
               lambda: f"  if (!{camel(rng, 1)}.{camel(rng)}) throw new Error('{' '.join(rng.choice(WORDS) for _ in range(4))}');",
               lambda: f"  headers['Authorization'] = `Bearer ${{{camel(rng)}}}`;",
               lambda: f"  return res.status({rng.randint(200, 504)}).json({{ {camel(rng, 1)} }});",
               lambda: "}", lambda: ""],
        "go": [lambda: f"\t{camel(rng)}, err := {camel(rng, 1)}.{camel(rng).capitalize()}(ctx, {rng.randint(0, 999)})",
               lambda: "\tif err != nil {\n\t\treturn nil, err\n\t}",
               lambda: f"func ({camel(rng, 1)[0]} *{camel(rng).capitalize()}) {camel(rng, 3).capitalize()}(ctx context.Context) error {{",
               lambda: f"\t// {' '.join(rng.choice(WORDS) for _ in range(8))}",
               lambda: "}", lambda: ""],
        "java": [lambda: f"    private final {camel(rng).capitalize()} {camel(rng)};",
                 lambda: f"    public {camel(rng).capitalize()} {camel(rng, 3)}(String {camel(rng, 1)}) {{",
                 lambda: f"        return {camel(rng)}.{camel(rng)}({camel(rng, 1)}, {rng.randint(0, 999)});",
                 lambda: f"        // {' '.join(rng.choice(WORDS) for _ in range(8))}",
                 lambda: "    }", lambda: ""],
        "yaml": [lambda: f"  {ident(rng, 1)}: {ident(rng)}",
                 lambda: f"    {ident(rng, 1)}: {rng.randint(0, 65535)}",
                 lambda: f"  - name: {ident(rng)}\n    value: \"{camel(rng)}\"",
                 lambda: f"# {' '.join(rng.choice(WORDS) for _ in range(8))}",
                 lambda: f"  image: registry.local/{ident(rng, 1)}:1.{rng.randint(0, 30)}"],
        "json": [lambda: f"  \"{camel(rng)}\": \"{camel(rng, 3)}\",",
                 lambda: f"  \"{camel(rng)}\": {rng.randint(0, 99999)},",
                 lambda: f"  \"{camel(rng)}\": {{ \"enabled\": {rng.choice(['true', 'false'])} }},"],
        "md": [lambda: " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))) + ".",
               lambda: f"## {ident(rng).replace('_', ' ').title()}",
               lambda: f"Set `{ident(rng).upper()}` in the environment before running `make {ident(rng, 1)}`.",
               lambda: ""],
    }[lang]
    # Code that reads a credential the right way (from the environment or a request) is about
    # one line in a hundred.
    reads = {
        "py": ["    password = request.form.get('password')", "    token = os.environ['API_TOKEN']"],
        "js": ["  const secret = process.env.SESSION_SECRET;", "  const apiKey = config.get('apiKey');"],
        "go": ["\tpassword := os.Getenv(\"DB_PASSWORD\")"],
        "java": ["        String token = System.getenv(\"API_TOKEN\");"],
        "yaml": ["  password: ${DB_PASSWORD}"],
        "json": ["  \"apiKey\": \"\","],
        "md": ["Set the `API_TOKEN` secret in the repository settings."],
    }[lang]
    return [rng.choice(reads) if rng.random() < 0.01 else rng.choice(makers)() for _ in range(size)]


def decoy_lines(rng, rules, count):
    raw_png = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(300))).decode()
    makers = [
        lambda: f"sha256 = \"{hashlib.sha256(str(rng.random()).encode()).hexdigest()}\"",
        lambda: f"md5: {hashlib.md5(str(rng.random()).encode()).hexdigest()}",
        lambda: f"commit {hashlib.sha1(str(rng.random()).encode()).hexdigest()}",
        lambda: f"request_id = \"{uuid.UUID(int=rng.getrandbits(128))}\"",
        lambda: f"\"integrity\": \"sha512-{base64.b64encode(hashlib.sha512(str(rng.random()).encode()).digest()).decode()}\",",
        lambda: f"<img src=\"data:image/png;base64,{raw_png[rng.randint(0, 40):]}\"/>",
        lambda: "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        lambda: "GITHUB_TOKEN=ghp_" + "x" * 36,
        lambda: "export OPENAI_API_KEY=<your-openai-api-key>",
        lambda: "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app",
        lambda: "password = \"changeme\"",
        lambda: "api_key: \"{{ .Values.apiKey }}\"",
        lambda: f"const {camel(rng)}Id = \"{''.join(rng.choice(string.ascii_letters) for _ in range(24))}\";",
    ]
    return [rng.choice(makers)() for _ in range(count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--size-mb", type=int, default=1100)
    parser.add_argument("--file-kb", type=int, default=128, help="average file size")
    parser.add_argument("--copies", type=int, default=3, help="files each rule example is planted in")
    parser.add_argument("--decoys", type=int, default=120000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rules = load_rules()
    pools = {lang: line_pool(rng, lang, 4000) for lang in LANGS}
    langs, weights = zip(*LANGS.items())
    files = max(1, args.size_mb * 1024 // args.file_kb)
    paths = []
    for i in range(files):
        lang = rng.choices(langs, weights)[0]
        paths.append((f"svc{i % 97:02d}/pkg{i % 13}/{'_'.join(rng.sample(WORDS, 2))}_{i}.{lang}", lang))

    inserts = {}  # file index -> [(position, lines, tag)]
    planted = []
    for rule in rules:
        for example in rule["examples"]:
            for _ in range(args.copies):
                index = rng.randrange(files)
                inserts.setdefault(index, []).append((rng.random(), example.split("\n"), ("secret", rule["id"])))
    for text in decoy_lines(rng, rules, args.decoys):
        index = rng.randrange(files)
        inserts.setdefault(index, []).append((rng.random(), text.split("\n"), ("decoy", None)))

    manifest = {"files": files, "planted": [], "decoys": []}
    total = 0
    for index, (rel, lang) in enumerate(paths):
        target_lines = max(8, int(rng.gauss(args.file_kb, args.file_kb / 4)) * 1024 // 38)
        body = rng.choices(pools[lang], k=target_lines)
        lines = []  # entries may hold several lines
        records = []
        cursor = 0
        for position, block, (kind, rule_id) in sorted(inserts.get(index, []), key=lambda x: x[0]):
            stop = int(position * len(body))
            lines.extend(body[cursor:stop])
            cursor = stop
            records.append((len(lines), kind, {"path": rel, "lines": len(block), "rule": rule_id}))
            lines.append("\n".join(block))
        lines.extend(body[cursor:])
        line_of = []
        number = 1
        for entry in lines:
            line_of.append(number)
            number += entry.count("\n") + 1
        for entry_index, kind, record in records:
            record["line"] = line_of[entry_index]
            manifest["planted" if kind == "secret" else "decoys"].append(record)
        text = "\n".join(lines) + "\n"
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        total += len(text)
    with open(os.path.join(args.out, "..", os.path.basename(args.out.rstrip("/")) + ".manifest.json"), "w") as out:
        json.dump(manifest, out)
    print(f"{files} files, {total / 1e6:.0f} MB, {len(manifest['planted'])} planted secrets, "
          f"{len(manifest['decoys'])} decoys", file=sys.stderr)


if __name__ == "__main__":
    main()
