-- dofile is not there
dofile("/etc/passwd")
