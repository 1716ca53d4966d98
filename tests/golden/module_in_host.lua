-- decarb.so (the module for stock Lua) refuses to load into the host, whose
-- globals already are the modules: a clear error at the require line.
package.cpath = arg[1] .. "/?.so"
require "decarb"
