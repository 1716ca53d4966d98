-- a script may not run programs
os.execute("touch pwned")
