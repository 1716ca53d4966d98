recursion.lua:2: stack overflow
