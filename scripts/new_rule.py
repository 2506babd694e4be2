#!/usr/bin/env python3
"""Scaffolds a new rule: its source file, a firing and a silent fixture, and its registry line.

Usage: scripts/new_rule.py [--root DIR] [--inspects container|workload] SECTION SLUG "Title"
Then fill in the check and the metadata, write the fixtures' expectations, and run `make docs`.
--inspects writes a per-object check that the framework calls once per Kubernetes container or
workload (rules/per_object.h); without it the check sees the whole model.
--root writes into another copy of the tree (the scaffolding test uses a scratch copy).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RULE = '''#include "rules/rule.h"

namespace golive::rules::{namespace} {{
namespace {{

void check(RuleContext& context) {{
  // Query context.model(); call context.report(message, file, line) for each problem, or
  // context.not_applicable("why") when the repository has nothing this rule inspects.
  (void)context;
}}

}}  // namespace

extern const Rule {variable};
const Rule {variable}{{
    {{.id = "{section}/{slug}",
     .section = "{section}",
     .title = "{title}",
     .severity = Severity::kWarning,
     .seeds = "",
     .rationale = "TODO: why this matters before go-live.",
     .remediation = "TODO: what to change, as concretely as possible.",
     .also = ""}},
    check}};

}}  // namespace golive::rules::{namespace}
'''

PER_OBJECT = '''#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::{namespace} {{
namespace {{

void check(ObjectReport& report, const model::{site}& site) {{
  // Decide about this one {what}; call report.report(site.object.where(node), message) for
  // each problem. The framework reports "not applicable" when there is no {what}, and merges
  // the same finding across the environments that render it.
  (void)report;
  (void)site;
}}

}}  // namespace

extern const Rule {variable};
const Rule {variable}{{
    .meta = {{.id = "{section}/{slug}",
             .section = "{section}",
             .title = "{title}",
             .severity = Severity::kWarning,
             .seeds = "",
             .rationale = "TODO: why this matters before go-live.",
             .remediation = "TODO: what to change, as concretely as possible.",
             .also = "",
             .inspects = Inspects::{inspects}}},
    .{field} = check}};

}}  // namespace golive::rules::{namespace}
'''

OBJECT_KINDS = {
    "container": ("ContainerSite", "container", "kContainer", "check_container"),
    "workload": ("WorkloadSite", "workload", "kWorkload", "check_workload"),
}


def main():
    global ROOT
    args = sys.argv[1:]
    inspects = None
    while len(args) >= 2 and args[0] in ("--root", "--inspects"):
        if args[0] == "--root":
            ROOT = os.path.abspath(args[1])
        elif args[1] in OBJECT_KINDS:
            inspects = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    if len(args) != 3 or not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args[0]) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args[1]):
        sys.exit(__doc__)
    section, slug, title = args
    # C++ namespaces cannot hold '-': supply-chain rules live in golive::rules::supply_chain.
    namespace = "parse_rules" if section == "parse" else section.replace("-", "_")
    variable = "k" + "".join(part.capitalize() for part in slug.split("-"))
    source = os.path.join(ROOT, "src", "rules", section, slug.replace("-", "_") + ".cpp")
    if os.path.exists(source):
        sys.exit(f"{source} exists already")
    os.makedirs(os.path.dirname(source), exist_ok=True)
    with open(source, "w") as out:
        if inspects is None:
            out.write(RULE.format(namespace=namespace, variable=variable, section=section,
                                  slug=slug, title=title))
        else:
            site, what, kind, field = OBJECT_KINDS[inspects]
            out.write(PER_OBJECT.format(namespace=namespace, variable=variable, section=section,
                                        slug=slug, title=title, site=site, what=what,
                                        inspects=kind, field=field))

    fixtures = os.path.join(ROOT, "tests", "fixtures", section, slug)
    # fires-* must fail, silent-* must pass, skips-* must be not applicable (fixture_test.cpp).
    for case in ("fires-basic", "silent-basic", "skips-basic"):
        os.makedirs(os.path.join(fixtures, case), exist_ok=True)
    with open(os.path.join(fixtures, "fires-basic", "EXPECT"), "w") as out:
        out.write(f"# <path>:<line>: {section}/{slug}   or   (repository): {section}/{slug}\n")

    registry = os.path.join(ROOT, "src", "rules", "registry.inc")
    with open(registry) as f:
        lines = f.read().splitlines()
    header = [l for l in lines if not l.startswith("GOLIVE_RULE(")]
    entries = sorted(set([l for l in lines if l.startswith("GOLIVE_RULE(")] + [f"GOLIVE_RULE({namespace}, {variable})"]))
    with open(registry, "w") as f:
        f.write("\n".join(header + entries) + "\n")
    print(f"wrote {os.path.relpath(source, ROOT)}, fixtures under {os.path.relpath(fixtures, ROOT)}/, "
          f"and a line in src/rules/registry.inc. Now: write the check and fixtures, then `make docs`.")


if __name__ == "__main__":
    main()
