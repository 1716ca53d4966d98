-- an uncaught series error stops the script with exit code 4 at its line
local s = series{ [2020] = "600 MW", [2025] = "900 MW" }
print(s[2025])
print(s[2030])
