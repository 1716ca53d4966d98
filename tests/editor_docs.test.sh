#!/bin/sh
# editor_docs.test.sh — the .luarc.json examples of docs/editor.md are valid
# JSON, and every library folder they name is one that the Debian package
# installs annotations into (debian/ uses PREFIX=/usr with make install).
exec python3 - <<'PY'
import json, re, subprocess, sys, tempfile, os
text = open("docs/editor.md", encoding="utf-8").read()
blocks = re.findall(r"```json\n(.*?)```", text, re.S)
if len(blocks) < 2:
    sys.exit("docs/editor.md: expected two .luarc.json examples, found %d" % len(blocks))
d = tempfile.mkdtemp()
subprocess.run(["make", "--no-print-directory", "-s", "install-module", "DESTDIR=" + d, "PREFIX=/usr"],
               check=True, stdout=subprocess.DEVNULL)
fails = 0
for b in blocks:
    conf = json.loads(b)
    libs = conf.get("workspace.library")
    if not libs or conf.get("runtime.version") != "Lua 5.4":
        print("not ok: an example without workspace.library or Lua 5.4:", b); fails += 1
    for lib in libs or []:
        files = os.listdir(d + lib) if os.path.isdir(d + lib) else []
        if not any(f.endswith(".lua") for f in files):
            print("not ok: %s holds no annotations after make install PREFIX=/usr" % lib); fails += 1
subprocess.run(["rm", "-rf", d])
sys.exit(1 if fails else 0)
PY
