---@meta
-- globals.lua — LuaLS annotations of the decarb host's globals: what a
-- script run by `decarb FILE` or `decarb check` sees besides Lua's base.
-- The types are in ../decarb.lua (add both folders to workspace.library).

---A quantity: `q"107 MW"`, `q(107, "MW")`, `q(0.5)`, `q(x)`.
---@param text string|number|decarb.Quantity
---@param unit? string
---@return decarb.Quantity
function q(text, unit) end

---A parameter of the run: `--set NAME=VALUE` of `decarb check`, of the
---default's kind (a quantity for a quantity or a string such as "1286 h/yr"),
---else the default.
---@param name string
---@param default? decarb.Quantity|string|number|boolean
---@return any
function param(name, default) end

---@type decarb.units
units = {}

---@type decarb.series
series = {}

---@type decarb.factors
factors = {}

---@type decarb.plan
plan = {}

---An uncertain value: `uncertain{ CENTRAL, low =, high = [, dist =] [, group =] }`.
---@param t table
---@return decarb.Uncertain
function uncertain(t) end
