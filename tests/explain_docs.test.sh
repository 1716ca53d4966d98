#!/bin/sh
# explain_docs.test.sh — the code blocks of docs/explain.md and docs/diff.md
# run as tests (tests/docs/doctest.py), and each ```text block of
# docs/explain.md that starts with `target "NAME"` is what `decarb explain
# --target NAME` prints for the worked example.
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
print("%d text blocks checked" % n)
sys.exit(1 if bad or n < 4 else 0)
PY
