"""Prints a per-module table of a JUnit XML report and a closing 'N passed, N failed, N skipped' line.

Modules of irctest's own self-tests (irctest.self_tests.*), which the suite's default selection
includes, are counted in the table and the closing line, and left out of the "server tests alone"
line above it.

Errors (a test that could not run, e.g. it needs services) are counted with failures in the
closing line, and shown in their own column of the table.
"""

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict


def outcome(case):
    for child in case:
        if child.tag == "failure":
            return "failed"
        if child.tag == "error":
            return "error"
        if child.tag == "skipped":
            return "skipped"
    return "passed"


def main(path):
    counts = defaultdict(lambda: defaultdict(int))
    for case in ET.parse(path).getroot().iter("testcase"):
        module = case.get("classname", "?").rsplit(".", 1)[0].replace("irctest.server_tests.", "")
        counts[module][outcome(case)] += 1
    kinds = ("passed", "failed", "error", "skipped")
    print(f"{'module':45} " + " ".join(f"{k:>7}" for k in kinds))
    totals = defaultdict(int)
    for module in sorted(counts):
        row = counts[module]
        print(f"{module:45} " + " ".join(f"{row[k]:>7}" for k in kinds))
        for k in kinds:
            totals[k] += row[k]
    print(f"{'total':45} " + " ".join(f"{totals[k]:>7}" for k in kinds))
    server = defaultdict(int)
    for module, row in counts.items():
        if not module.startswith("irctest."):
            for k in kinds:
                server[k] += row[k]
    print(f"server tests alone (without irctest's own self-tests): {server['passed']} passed, "
          f"{server['failed'] + server['error']} failed, {server['skipped']} skipped")
    print(f"{totals['passed']} passed, {totals['failed'] + totals['error']} failed, {totals['skipped']} skipped")


if __name__ == "__main__":
    main(sys.argv[1])
