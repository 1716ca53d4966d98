-- nor start a pipe
io.popen("touch pwned")
