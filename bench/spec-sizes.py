#!/usr/bin/env python3
"""Sizes of the spec bodies a reader reads in one sitting: sections 1 to 9 of every spec.

    bench/spec-sizes.py SPECS_DIR [top=5]

Prints the median and largest body (bytes of UTF-8 from "## 1." up to the first "## Appendix"
or the notes block), the largest specs with their biggest sections, and the median of each
section. Issue 12's targets: median <= 12 KB, largest <= 64 KB. Nothing here is a test.
"""
import os
import re
import statistics
import sys

HEADING = re.compile(r"^## (\d)\. ", re.M)
END = re.compile(r"^(## Appendix|<!-- reverse-spec:notes -->)", re.M)


def body(text):
    start = re.search(r"^## 1\. ", text, re.M)
    if not start:
        return None, {}
    end = END.search(text, start.start())
    part = text[start.start():end.start() if end else len(text)]
    sections = {}
    marks = list(HEADING.finditer(part))
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(part)
        sections[int(m.group(1))] = len(part[m.start():stop].encode())
    return len(part.encode()), sections


def main():
    root = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows = []
    # a multi-module reactor keeps each module's specs in a directory of its own
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".spec.md") and not name.startswith("_"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    size, sections = body(f.read())
                if size is not None:
                    rows.append((size, os.path.relpath(path, root), sections))
    if not rows:
        sys.exit(f"no specs under {root}")
    sizes = [r[0] for r in rows]
    print(f"{len(rows)} specs: median body {statistics.median(sizes) / 1024:.1f} KB, "
          f"largest {max(sizes) / 1024:.1f} KB")
    for size, name, sections in sorted(rows, reverse=True)[:top]:
        big = sorted(sections.items(), key=lambda kv: -kv[1])[:3]
        parts = ", ".join(f"s{k} {v / 1024:.1f}" for k, v in big)
        print(f"  {size / 1024:6.1f} KB  {name}  ({parts})")
    for k in range(1, 10):
        vals = [r[2].get(k, 0) for r in rows]
        print(f"  section {k}: median {statistics.median(vals) / 1024:.1f} KB, max {max(vals) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
