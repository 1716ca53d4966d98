-- symlink_csv.cmd runs this in a temporary folder where env.csv is a link
-- to /proc/self/environ, and sub/ a link to /etc
local ok, err = pcall(series.csv, "env.csv", {value = "v"})
print(ok, (err:gsub("^[^:]*:%d+: ", "")))
ok, err = pcall(series.csv, "sub/passwd", {value = "v"})
print(ok, (err:gsub("^[^:]*:%d+: ", "")))
-- a link that stays inside the folder is fine
local s = series.csv("inside.csv", {value = "v", unit = "MW"})
print(s[2021])
