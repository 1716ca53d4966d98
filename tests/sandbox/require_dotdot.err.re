require_dotdot.lua:2: require '..\.secret': a module name is letters
