-- (run by bom_stdin.cmd from standard input, with a byte order mark)
print("a byte order mark on standard input is skipped")
