\[string "return io.open"\]:1: io is not available in the decarb sandbox
load_globals.lua:5: in main chunk
