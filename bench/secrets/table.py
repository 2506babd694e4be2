"""Reads the built-in secret rules (src/secrets/rule_table.inc) for the benchmark scripts:
each rule's id, pattern, and its own examples and counter-examples."""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "..", "src", "secrets", "rule_table.inc")

_STRING = r'"(?:[^"\\]|\\.)*"'
_RAW = r'R"(?P<delim>[^(]*)\((?P<body>.*?)\)(?P=delim)"'


def _unescape(literal):
    # C escapes in the table are the ones Python shares: \n \t \\ \" \r.
    return bytes(literal[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def _strings(block):
    return [_unescape(m.group(0)) for m in re.finditer(_STRING, block, re.S)]


def load_rules(path=TABLE):
    text = open(path, encoding="utf-8").read()
    rules = []
    for chunk in re.split(r"\n\s*\{\s*\n\s*\.id = ", text)[1:]:
        rule_id = re.match(r'"([^"]+)"', chunk).group(1)
        pattern = re.search(_RAW, chunk, re.S)
        examples = re.search(r"\.examples\s*=\s*\{(.*?)\n\s*\},", chunk, re.S)
        counters = re.search(r"\.counter_examples\s*=\s*\{(.*?)\n\s*\},", chunk, re.S)
        rules.append({
            "id": rule_id,
            "pattern": pattern.group("body") if pattern else "",
            "multiline": ".multiline = true" in chunk,
            "examples": _strings(examples.group(1)) if examples else [],
            "counter_examples": _strings(counters.group(1)) if counters else [],
        })
    return rules


if __name__ == "__main__":
    rules = load_rules()
    print(len(rules), "rules,", sum(len(r["examples"]) for r in rules), "examples,",
          sum(len(r["counter_examples"]) for r in rules), "counter-examples")
