#!/bin/sh
# module_valgrind.test.sh — decarb.so in stock lua5.4 under valgrind: no
# invalid access and nothing lost, also across the module's unloading when
# the state closes (the reference data go with it).
set -e
LUA_CPATH="$(pwd)/?.so" valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
  lua5.4 -e 'require("decarb").globals()' examples/intro/first_plan.lua > /dev/null
