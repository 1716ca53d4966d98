-- decarb-0.1.0-1.rockspec — the Lua module decarb.so (`require "decarb"`)
-- for LuaRocks, built by the Makefile (make backend: the reference data are
-- generated into a header first). tests/rockspec.test.sh runs
-- `luarocks make --tree` with it into a temporary tree.
rockspec_format = "3.0"
package = "decarb"
version = "0.1.0-1"
-- `luarocks make` builds the checkout it runs in and never fetches this;
-- `luarocks build` would need the project's public address here
source = {
  url = "git+file://./decarb",
  tag = "v0.1.0",
}
description = {
  summary = "Units, year series, emission factors and plans for energy and carbon policy",
  detailed = [[
decarb checks a city's green and low-carbon plan year by year. This rock is
its standard library as a C module for stock Lua 5.4: quantities with units
(q"107 MW" * q"1500 h"), year series, cited reference data and the plan
engine, in one table (local decarb = require "decarb"). The LuaLS
annotations are installed in the rock's share/decarb/library.]],
  labels = { "units", "energy", "carbon", "policy" },
}
dependencies = {
  "lua >= 5.4, < 5.5",
}
build = {
  type = "make",
  build_target = "module",
  build_variables = {
    CFLAGS = "$(CFLAGS)",
    LUA_INCDIR = "$(LUA_INCDIR)",
  },
  install_target = "install-module",
  install_variables = {
    LUA_CMOD_DIR = "$(LIBDIR)",
    PREFIX = "$(PREFIX)",
  },
  copy_directories = { "docs" },
}
