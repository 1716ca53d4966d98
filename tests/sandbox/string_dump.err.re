string_dump.lua:2: string.dump is not available in the decarb sandbox: binary chunks are not allowed
