-- loadfile neither
local f = loadfile("/etc/passwd")
