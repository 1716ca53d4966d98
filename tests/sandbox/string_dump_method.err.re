string_dump_method.lua:2: string.dump is not available
