-- unbounded recursion is a stack overflow, not a crash
local function f(n) return 1 + f(n + 1) end
print(f(1))
