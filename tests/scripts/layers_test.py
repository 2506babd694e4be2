#!/usr/bin/env python3
"""The layering of ADR 0001, checked on the sources: a file under src/<layer>/ may include only
headers of its own layer or of layers below it, and a layer's CMakeLists.txt may link only
layers below it. The check first proves on a scratch tree that it catches a climbing include."""
import os
import re
import sys
import tempfile

# Lowest first; ADR 0001 explains each layer and where secrets sits.
LAYERS = ["core", "walk", "parse", "secrets", "model", "rules", "engine", "report", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_-]+)/', re.M)
LINK = re.compile(r"\bgolive_([a-z]+)\b")


def violations(src):
    found = []
    for layer in LAYERS:
        allowed = set(LAYERS[:LAYERS.index(layer) + 1])
        root = os.path.join(src, layer)
        for directory, _, files in os.walk(root):
            for name in files:
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if name == "CMakeLists.txt":
                    for target in LINK.findall(text):
                        if target in LAYERS and target not in allowed:
                            found.append(f"{os.path.relpath(path, src)}: links golive_{target}, "
                                         f"a layer above {layer}")
                    continue
                if not name.endswith((".h", ".cpp", ".inc")):
                    continue
                for match in INCLUDE.finditer(text):
                    target = match.group(1)
                    if target in LAYERS and target not in allowed:
                        line = text.count("\n", 0, match.start()) + 1
                        found.append(f"{os.path.relpath(path, src)}:{line}: includes "
                                     f"{target}/, a layer above {layer}")
    # Rules decide on the model's facts and typed lookups (RepoModel::yaml_document, job_node,
    # object_node); the raw per-file parse list is the model's own.
    for directory, _, files in os.walk(os.path.join(src, "rules")):
        for name in files:
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    if "yaml_files" in line:
                        found.append(f"{os.path.relpath(path, src)}:{number}: reads "
                                     "model.yaml_files; use the model's lookups")
    return found


def self_test():
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "model"))
        with open(os.path.join(scratch, "model", "bad.h"), "w") as f:
            f.write('#pragma once\n#include "core/strings.h"\n#include "rules/rule.h"\n')
        os.makedirs(os.path.join(scratch, "rules", "ci"))
        with open(os.path.join(scratch, "rules", "ci", "raw.cpp"), "w") as f:
            f.write('#include "model/model.h"\nint n(const M& m) { return m.yaml_files.size(); }\n')
        found = violations(scratch)
        return (len(found) == 2 and "model/bad.h:3: includes rules/" in found[0] and
                "rules/ci/raw.cpp:2: reads model.yaml_files" in found[1])


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "src")
    if not self_test():
        print("the layering check failed to catch a climbing include on its scratch tree")
        sys.exit(1)
    found = violations(src)
    for line in found:
        print(line)
    print(f"layering: {len(found)} violation(s)")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
