#!/usr/bin/env python3
"""doctest.py DECARB FILE.md... — runs the code blocks of the docs as tests.

In each Markdown file, in order, in one temporary folder per file:
  ```lua  blocks run with `decarb` (a first line `-- file: NAME.lua` also saves
          the block under that name, for later blocks and shell commands).
          Every line `print(...) --> TEXT` adds TEXT to the block's expected
          output; a line whose comment is `--> error: TEXT` means the block
          must fail with exit code 4 and TEXT in its error.
  ```sh   blocks run line by line with `decarb` on PATH; a comment
          `# exit N` on a line gives its expected exit code (default 0).
  ```lua norun, ```text and other blocks are not run.
Prints one TAP-like line per block and exits 1 if any failed.
"""
import os, re, shutil, subprocess, sys, tempfile

decarb = os.path.abspath(sys.argv[1])
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

def report(ok, name, why=""):
    global fails, count
    count += 1
    if ok:
        print("ok - %s" % name)
    else:
        fails += 1
        print("not ok - %s: %s" % (name, why))

for md in sys.argv[2:]:
    work = tempfile.mkdtemp()
    if os.path.isdir("examples"):  # shell blocks may name the examples
        shutil.copytree("examples", os.path.join(work, "examples"))
    with open(md, encoding="utf-8") as f:
        text = f.read()
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
    shutil.rmtree(work)
shutil.rmtree(bindir)
print("# %d blocks, %d failed" % (count, fails))
sys.exit(1 if fails else 0)
