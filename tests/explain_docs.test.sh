#!/bin/sh
# explain_docs.test.sh — the code blocks of docs/explain.md and docs/diff.md
# run as tests (tests/docs/doctest.py); each ```text block of docs/explain.md
# that starts with `target "NAME"` is what `decarb explain --target NAME`
# prints for its worked example, and each of docs/diff.md after a comment
# `<!-- output of: decarb diff ... -->` is what that command prints.
set -u
python3 tests/docs/doctest.py ./decarb docs/explain.md docs/diff.md || exit 1
python3 - ./decarb <<'PY'
import os, re, subprocess, sys, tempfile
text = open("docs/explain.md", encoding="utf-8").read()
town = re.search(r"```lua\n(-- file: town.lua\n.*?)```", text, re.S).group(1)
d = tempfile.mkdtemp()
open(os.path.join(d, "town.lua"), "w").write(town)
bad = n = 0
for block in re.findall(r"```text\n(target \"(.*?)\".*?)```", text, re.S):
    body, name = block
    out = subprocess.run([os.path.abspath(sys.argv[1]), "explain", "--target", name, "town.lua"], cwd=d,
                         capture_output=True, text=True).stdout
    n += 1
    if out != body:
        bad += 1
        print("not ok - docs/explain.md: the text of %r is not what decarb explain prints:\n%s" % (name, out))
# docs/diff.md: its files, then each ```text block after a comment
# "<!-- output of: COMMAND -->" is what COMMAND prints
text = open("docs/diff.md", encoding="utf-8").read()
for m in re.finditer(r"```lua\n-- file: (\S+)\n.*?```", text, re.S):
    open(os.path.join(d, m.group(1)), "w").write(m.group(0)[len("```lua\n"):-3])
subprocess.run([os.path.abspath(sys.argv[1]), "check", "--format", "json", "town.lua"], cwd=d,
               stdout=open(os.path.join(d, "base.json"), "w"))
runs = re.findall(r"<!-- output of: (decarb diff [^\n]*?) -->\n```text\n(.*?)```", text, re.S)
for cmd, body in runs:
    args = cmd.split()[1:]
    out = subprocess.run([os.path.abspath(sys.argv[1])] + args, cwd=d, capture_output=True, text=True).stdout
    n += 1
    if out != body:
        bad += 1
        print("not ok - docs/diff.md: %r prints:\n%s" % (cmd, out))
print("%d text blocks checked" % n)
sys.exit(1 if bad or n < 8 else 0)
PY
