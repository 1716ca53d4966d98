dofile.lua:2: dofile is not available in the decarb sandbox: use require
