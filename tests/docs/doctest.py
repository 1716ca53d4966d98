#!/usr/bin/env python3
"""doctest.py DECARB [FILE.md...] — runs the examples of the docs as tests:
the one runner of every doc example (without FILEs, the docs of DOCS below;
tests/run_golden.sh runs it so, and counts each block as one test).

In each Markdown file, in order, in one temporary folder per file:
  ```lua  blocks run with `decarb` (a first line `-- file: NAME.lua` also saves
          the block under that name, for later blocks and shell commands).
          Every line `print(...) --> TEXT` adds TEXT to the block's expected
          output; a line whose comment is `--> error: TEXT` means the block
          must fail with exit code 4 and TEXT in its error.
  ```sh   blocks run line by line with `decarb` on PATH; a comment
          `# exit N` on a line gives its expected exit code (default 0).
  ```json blocks that set "workspace.library" (a .luarc.json) must be JSON
          for Lua 5.4 whose every library folder holds annotations after
          `make install-module PREFIX=/usr` (as the Debian package installs).
  ```lua norun, ```text and other blocks are not run.
A page marked "luarc N" in DOCS must hold N or more such .luarc.json blocks.
In the docs marked "lines" in DOCS, every line `print(...) --> TEXT` that
starts a line of the page is also run on its own (`decarb -e`) and must
print exactly TEXT (tabs between values): these pages promise that each
such line stands alone.
Prints one TAP-like line per block (and per lone line), then
`# counts PASSED FAILED`; exits 1 if any failed.
"""
import json, os, re, shutil, subprocess, sys, tempfile

# every page whose examples are tests, and how ("lines": see above)
DOCS = [("README.md", ""), ("docs/tutorial.md", ""), ("docs/reference.md", ""),
        ("docs/plan.md", ""), ("docs/targets.md", ""), ("docs/report-format.md", ""),
        ("docs/series.md", ""), ("docs/data-sources.md", ""), ("docs/scale.md", ""), ("docs/energy.md", ""),
        ("docs/units.md", "lines"), ("docs/editor.md", "luarc 2")]

decarb = os.path.abspath(sys.argv[1])
pages = [(f, dict(DOCS).get(f, "")) for f in sys.argv[2:]] or DOCS
bindir = tempfile.mkdtemp()
os.symlink(decarb, os.path.join(bindir, "decarb"))
fails = 0
count = 0

def blocks(text):
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\S*)\s*(\S*)", lines[i])
        if m and lines[i].strip() != "```":
            lang, flag, start = m.group(1), m.group(2), i + 1
            j = start
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            yield lang, flag, start + 1, "\n".join(lines[start:j]) + "\n"
            i = j + 1
        else:
            i += 1

installed = None  # the folder `make install-module` wrote to, made once

def luarc(name, code):
    global installed
    try:
        conf = json.loads(code)
    except ValueError as e:
        report(False, name, "not JSON: %s" % e)
        return
    libs = conf.get("workspace.library")
    if not libs or conf.get("runtime.version") != "Lua 5.4":
        report(False, name, "a .luarc.json without workspace.library or Lua 5.4")
        return
    if installed is None:
        installed = tempfile.mkdtemp()
        subprocess.run(["make", "--no-print-directory", "-s", "install-module",
                        "DESTDIR=" + installed, "PREFIX=/usr"], check=True, stdout=subprocess.DEVNULL)
    bad = [lib for lib in libs
           if not any(f.endswith(".lua") for f in (os.listdir(installed + lib)
                                                   if os.path.isdir(installed + lib) else []))]
    report(not bad, name, "no annotations in %s after make install PREFIX=/usr" % ", ".join(bad))

def lone_lines(md, text):
    tab_ok = 0
    for n, l in enumerate(text.split("\n"), 1):
        m = re.match(r"^(print\(.*?\)) *--> (.*)$", l)
        if not m:
            continue
        code = re.sub(r" +$", "", m.group(1))
        p = subprocess.run([decarb, "-e", code], capture_output=True, text=True, timeout=60)
        got = (p.stdout + p.stderr).rstrip("\n")
        report(got == m.group(2), "%s:%d: %s" % (md, n, code),
               "printed %r, the doc says %r" % (got, m.group(2)))
        tab_ok += 1
    if tab_ok < 20:
        report(False, md, "%d lone `print(...) --> TEXT` lines, expected 20 or more" % tab_ok)

def report(ok, name, why=""):
    global fails, count
    count += 1
    if ok:
        print("ok - %s" % name)
    else:
        fails += 1
        print("not ok - %s: %s" % (name, why))

for md, how in pages:
    work = tempfile.mkdtemp()
    if os.path.isdir("examples"):  # shell blocks may name the examples
        shutil.copytree("examples", os.path.join(work, "examples"))
    with open(md, encoding="utf-8") as f:
        text = f.read()
    if how == "lines":
        lone_lines(md, text)
    n_luarc = 0
    for lang, flag, line, code in blocks(text):
        name = "%s:%d" % (md, line)
        env = dict(os.environ, PATH=bindir + ":" + os.environ.get("PATH", ""),
                   HOME=work, NO_COLOR="1")
        if lang == "lua" and flag != "norun":
            first = code.split("\n", 1)[0]
            m = re.match(r"^-- file: (\S+)", first)
            fname = m.group(1) if m else "block%d.lua" % line
            with open(os.path.join(work, fname), "w", encoding="utf-8") as f:
                f.write(code)
            expect, err_expect = [], None
            for l in code.split("\n"):
                m = re.search(r"--> (.*)$", l)
                if not m:
                    continue
                if m.group(1).startswith("error: "):
                    err_expect = m.group(1)[len("error: "):]
                elif l.lstrip().startswith("print("):
                    expect.append(m.group(1).rstrip())
            p = subprocess.run([decarb, "--timeout", "20", fname], cwd=work, env=env,
                               capture_output=True, text=True)
            out = [l.rstrip() for l in p.stdout.rstrip("\n").split("\n")] if p.stdout else []
            if err_expect is not None:
                ok = p.returncode == 4 and err_expect in p.stderr
                report(ok, name, "expected exit 4 and %r, got %d: %s" % (err_expect, p.returncode, p.stderr.strip()[:300]))
            elif p.returncode != 0:
                report(False, name, "exit %d: %s" % (p.returncode, p.stderr.strip()[:300]))
            elif expect and out[:len(expect)] != expect and out != expect:
                report(False, name, "printed %r, the doc says %r" % (out, expect))
            else:
                report(True, name)
        elif lang == "json" and "workspace.library" in code:
            luarc(name, code)
            n_luarc += 1
        elif lang in ("sh", "shell", "console") and flag != "norun":
            for l in code.split("\n"):
                s = l.strip()
                if not s or s.startswith("#"):
                    continue
                if s.startswith("make ") or s.startswith("sudo ") or s.startswith("git "):
                    continue  # set-up commands, run by the test suite itself
                m = re.search(r"#\s*exit (\d+)", s)
                want = int(m.group(1)) if m else 0
                cmd = re.sub(r"\s+#.*$", "", s).replace("./decarb", "decarb")
                p = subprocess.run(["sh", "-c", cmd], cwd=work, env=env,
                                   capture_output=True, text=True, timeout=60)
                report(p.returncode == want, "%s: %s" % (name, cmd),
                       "exit %d, expected %d: %s" % (p.returncode, want, (p.stderr or p.stdout).strip()[:300]))
    m = re.match(r"luarc (\d+)", how)
    if m and n_luarc < int(m.group(1)):
        report(False, md, "%d .luarc.json examples, expected %s" % (n_luarc, m.group(1)))
    shutil.rmtree(work)
shutil.rmtree(bindir)
if installed:
    shutil.rmtree(installed)
print("# counts %d %d" % (count - fails, fails))
sys.exit(1 if fails else 0)
