-- symlink_require.cmd runs this where outside.lua is a link to /etc/passwd
-- and lib/ a link to a folder outside
local ok, err = pcall(require, "outside")
print(ok, (err:gsub("^[^:]*:%d+: ", "")))
ok, err = pcall(require, "lib.mod")
print(ok, (err:gsub("^[^:]*:%d+: ", "")))
print(require("near").answer)
