#!/usr/bin/env python3
"""funclen.py — the C functions of decarb by length.

  funclen.py [--top N] [--over N] FILE...   list functions, longest first
  funclen.py --check N FILE...              exit 1 when a function is longer
                                            than N lines and has no
                                            `/* long: reason */` comment in
                                            the lines just above it or in its body

A function's length is the count of lines from the line that opens its
signature to the line of its closing brace. The parse is lexical: comments,
strings and character constants are blanked, and a function is a `{` at brace
depth 0 that follows a `)` (so struct and array initialisers are not counted).
"""
import re
import signal
import sys

IDENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*$")


def blank(src):
    """src with comments, strings and char constants replaced by spaces
    (newlines kept, so line numbers hold); preprocessor lines blanked too."""
    out = []
    i, n = 0, len(src)
    at_line_start = True
    while i < n:
        c = src[i]
        if at_line_start and c == "#":  # a directive, with its continuations
            j = i
            while j < n and src[j] != "\n":
                if src[j] == "\\" and j + 1 < n and src[j + 1] == "\n":
                    j += 2
                    continue
                j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
            continue
        if c == "/" and i + 1 < n and src[i + 1] == "*":
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
            continue
        if c == "/" and i + 1 < n and src[i + 1] == "/":
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
            continue
        if c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + re.sub(r"[^\n]", " ", src[i + 1:j - 1]) + c)
            i = j
            continue
        if c == "\n":
            at_line_start = True
        elif not c.isspace():
            at_line_start = False
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    """(name, first line, last line) of each function defined in path."""
    with open(path, encoding="utf-8", errors="replace") as f:
        src = f.read()
    text = blank(src)
    found = []
    depth = 0
    i = 0
    line_of = []  # offset -> line, built lazily below
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())

    def line(off):
        lo, hi = 0, len(starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= off:
                lo = mid
            else:
                hi = mid
        return lo + 1

    del line_of
    n = len(text)
    while i < n:
        c = text[i]
        if c == "{":
            if depth == 0:
                before = text[:i].rstrip()
                if before.endswith(")"):
                    # the matching '(' of the parameter list
                    d, j = 0, len(before) - 1
                    while j >= 0:
                        if before[j] == ")":
                            d += 1
                        elif before[j] == "(":
                            d -= 1
                            if d == 0:
                                break
                        j -= 1
                    m = IDENT.search(before[:j])
                    if m and m.group(1) not in ("if", "while", "for", "switch", "return", "sizeof"):
                        # the signature opens on the line after the last ; } or blank line
                        k = max(before.rfind(";", 0, m.start()), before.rfind("}", 0, m.start()))
                        sig = k + 1
                        while sig < m.start() and text[sig].isspace():
                            sig += 1
                        found.append([m.group(1), line(sig), i])
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and found and isinstance(found[-1][2], int) and found[-1][2] < i \
                    and len(found[-1]) == 3:
                found[-1].append(line(i))
        i += 1
    lines = src.split("\n")
    result = []
    for f_ in found:
        if len(f_) != 4:
            continue
        name, first, _, last = f_
        # a `long:` comment in the 6 lines above the signature or in the body
        lo = max(0, first - 7)
        marked = any("long:" in l for l in lines[lo:last])
        result.append((name, first, last, last - first + 1, marked))
    return result


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under | head
    top, over, check = None, 0, None
    files = []
    it = iter(argv)
    for a in it:
        if a == "--top":
            top = int(next(it))
        elif a == "--over":
            over = int(next(it))
        elif a == "--check":
            check = int(next(it))
        else:
            files.append(a)
    rows = []
    for p in files:
        for name, first, last, length, marked in functions(p):
            rows.append((length, p, first, name, marked))
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    if check is not None:
        bad = [r for r in rows if r[0] > check and not r[4]]
        for length, p, first, name, _ in bad:
            print(f"{p}:{first}: {name} is {length} lines (over {check}); split it or "
                  f"say why in a /* long: reason */ comment", file=sys.stderr)
        return 1 if bad else 0
    rows = [r for r in rows if r[0] > over]
    if top:
        rows = rows[:top]
    for length, p, first, name, marked in rows:
        print(f"{length:5d}  {p}:{first}  {name}{'  (long: said why)' if marked else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
