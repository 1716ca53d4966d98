-- nor remove files
os.remove("os_remove.lua")
