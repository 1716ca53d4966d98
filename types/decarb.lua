---@meta decarb
-- decarb.lua — LuaLS annotations of decarb (https://luals.github.io): the
-- module `require "decarb"` (decarb.so) and the types it shares with the
-- decarb host. Not code: a language server reads it, Lua never runs it.
-- The host's globals (q, units, series, factors, plan) are in host/globals.lua.
-- tests/lua/annotations_spec.lua fails when a Lua-visible function is missing
-- here or a function named here does not exist.

---A value written in units (`q"107 MW"`); arithmetic checks the dimensions.
---@class decarb.Quantity
---@operator add(decarb.Quantity|number|string): decarb.Quantity
---@operator sub(decarb.Quantity|number|string): decarb.Quantity
---@operator mul(decarb.Quantity|number|string): decarb.Quantity
---@operator div(decarb.Quantity|number|string): decarb.Quantity
---@operator pow(decarb.Quantity|number): decarb.Quantity
---@operator unm: decarb.Quantity
---@operator concat(string): string
local Quantity = {}

---The same quantity shown in another unit of the same dimension.
---@param unit string a unit expression such as `"MWh"`
---@return decarb.Quantity
function Quantity:to(unit) end

---A plain number in `unit`; without a unit only for dimensionless quantities.
---@param unit? string
---@return number
function Quantity:value(unit) end

---The dimension's name: `"energy"`, `"power"`, `"emissions rate (CO2)"` …
---@return string
function Quantity:dim() end

---CH4 or N2O (amount or rate) as CO2e with a named GWP set.
---@param set "SAR"|"AR4"|"AR5"|"AR6"|"AR6-fossil"|"AR6-nonfossil"
---@return decarb.Quantity
function Quantity:co2e(set) end

---Values by year, in one unit; `s[year]` is that year's quantity.
---@class decarb.Series
---@field [integer] decarb.Quantity
---@operator add(decarb.Series|decarb.Quantity|number|string): decarb.Series
---@operator sub(decarb.Series|decarb.Quantity|number|string): decarb.Series
---@operator mul(decarb.Series|decarb.Quantity|number|string): decarb.Series
---@operator div(decarb.Series|decarb.Quantity|number|string): decarb.Series
---@operator pow(decarb.Quantity|number): decarb.Series
---@operator unm: decarb.Series
---@operator len: integer
---@operator concat(string): string
local Series = {}

---That year's value.
---@param year integer
---@return decarb.Quantity
function Series:at(year) end

---The list of years.
---@return integer[]
function Series:years() end

---The first and the last year.
---@return integer first
---@return integer last
function Series:range() end

---The values as plain numbers in `unit` (default: the series' unit).
---@param unit? string
---@return number[]
function Series:values(unit) end

---The same series in another unit of the same dimension.
---@param unit string
---@return decarb.Series
function Series:to(unit) end

---The unit the series is shown in (`""` when dimensionless).
---@return string
function Series:unit() end

---The dimension's name.
---@return string
function Series:dim() end

---The sum over y1..y2 (default: all years); a rate is multiplied by one year.
---@param y1? integer
---@param y2? integer
---@return decarb.Quantity
function Series:sum(y1, y2) end

---Running sums, as a series (a rate is multiplied by one year).
---@return decarb.Series
function Series:cumsum() end

---The smallest value and the first year it occurs.
---@return decarb.Quantity value
---@return integer year
function Series:min() end

---The largest value and the first year it occurs.
---@return decarb.Quantity value
---@return integer year
function Series:max() end

---The year of the largest value (the first if repeated) and the value.
---@return integer year
---@return decarb.Quantity value
function Series:peak() end

---Compound annual growth rate (default: first to last year).
---@param y1? integer
---@param y2? integer
---@return number
function Series:cagr(y1, y2) end

---This series ÷ total, in %.
---@param total decarb.Series|decarb.Quantity|string
---@return decarb.Series
function Series:share(total) end

---Year-over-year change, from the second year.
---@return decarb.Series
function Series:diff() end

---The same values n years later (earlier for negative n).
---@param n integer
---@return decarb.Series
function Series:shift(n) end

---A new series of `f(value, year)`.
---@param f fun(value: decarb.Quantity, year: integer): decarb.Quantity|number|string
---@return decarb.Series
function Series:map(f) end

---Every year on its own line, as a string.
---@return string
function Series:table() end

---Prints a braille line chart of the series (through `print`): `width`
---columns (24..500, default the terminal's width - 1), `rows` rows (2..40, default 8).
---@param opts? { width?: integer, rows?: integer }
function Series:plot(opts) end

---A target's verdict, as `Plan:check` returns it.
---@class decarb.TargetResult
---@field name string
---@field kind string
---@field met boolean
---@field deciding integer|false
---@field first_met integer|false
---@field first_failed integer|false
---@field margin decarb.Quantity
---@field margin_rel number
---@field value decarb.Quantity
---@field bound decarb.Quantity

---@class decarb.CheckResult
---@field scenario string
---@field met integer
---@field total integer
---@field targets decarb.TargetResult[]

---A plan: sectors, measures, targets and scenarios, evaluated year by year.
---@class decarb.Plan
---@field name string
---@field region string
---@field source string
---@field years integer[] `{ FIRST, LAST }`
---@field metrics string[]
---@field measures string[]
---@field targets string[]
---@field scenarios string[]
local Plan = {}

---A sector and its business-as-usual emissions:
---`{ NAME, emissions = S }` or `{ NAME, activity = S, factor = S }`, `source =`.
---Energy accounting (docs/energy.md): `{ NAME, energy = { FUEL = S, … } }` (an energy per
---year by fuel) or `{ NAME, activity = S, intensity = { FUEL = S, … } }`; `power = true` (the
---fuels the plan's power plants burn), `grid = S` (this sector's grid factor);
---`emissions =` may be CH4 or N2O (`"60 kt CH4/yr"`), or an F-gas with `gas = "SF6"`.
---@param t table
---@return decarb.Plan
function Plan:sector(t) end

---A capacity (or any stock): `{ TECH, [YEAR] = Q, …, hours = S }` or `{ TECH, capacity = S, hours = S }`;
---`fossil = true | false` says whether its generation is fossil (known names need none).
---@param t table
---@return decarb.Plan
function Plan:capacity(t) end

---A named series, a function of the year, or `diff = METRIC`.
---@param t table
---@return decarb.Plan
function Plan:metric(t) end

---A measure: one of `abates =`, `saves =` with `factor =`, `adds =`; `sector =`, `start =`, `full =`, `stop =`.
---On energy (docs/energy.md): `saves = S, fuel = NAME`, or
---`switch = { from = FUEL, to = FUEL, share = P, efficiency = R }`.
---@param t table
---@return decarb.Plan
function Plan:measure(t) end

---A target: one of `at_most`, `at_least`, `reduce`, `peak_by`, `net_zero`, `budget`, with the fields its kind needs.
---@param t table
---@return decarb.Plan
function Plan:target(t) end

---A variant of the plan: `drop =`, `change =`, `add =`.
---@param t table
---@return decarb.Plan
function Plan:scenario(t) end

---A metric as a series over the plan's years.
---@param metric string
---@param scenario? string default `"plan"`
---@return decarb.Series
function Plan:series(metric, scenario) end

---One year of a metric.
---@param metric string
---@param year integer
---@param scenario? string
---@return decarb.Quantity
function Plan:value(metric, year, scenario) end

---Every target's verdict in a scenario.
---@param scenario? string
---@return decarb.CheckResult
function Plan:check(scenario) end

---Why a target is met or missed: its value as terms (BAU of each sector,
---each measure's abatement ...) that add up to it, its bound's derivation,
---its margin and, when missed, what +10 % of each measure would close; the
---table `decarb explain --format json` writes for it (docs/explain.md).
---@param target string
---@param year? integer the year to explain (default: the deciding year)
---@param scenario? string
---@return table
function Plan:explain(target, year, scenario) end

---Each measure's abatement, as a series.
---@param scenario? string
---@return table<string, decarb.Series>
function Plan:wedges(scenario) end

---The over-abatement warnings.
---@param scenario? string
---@return string[]
function Plan:warnings(scenario) end

---Changes a field of a measure (`"start"`, `"full"`, `"stop"`, `"scale"`, `"abates"`, `"saves"`,
---`"factor"`, `"displaces"`, `"adds"`/`"adds.TECH"`, `"hours"`/`"hours.TECH"`, `"share"` of a switch), a sector
---(`"emissions"`, `"activity"`, `"factor"`, `"energy.FUEL"` of an energy sector) or a technology (`"capacity"`, `"hours"`); an
---uncertain value makes it an input of the Monte Carlo. The script does not run again.
---@param name string a measure, sector or technology
---@param field string
---@param value integer|number|decarb.Quantity|decarb.Series|decarb.Uncertain|string
---@param scenario? string
---@return decarb.Plan
function Plan:set(name, field, value, scenario) end

---Monte Carlo: `p:montecarlo{ n = N, seed = S, first = A, scenario = NAME }` draws every
---uncertain input n times; returns `{ samples, seed, first, inputs, targets = { { name, p_met,
---p_met_ci = {lo, hi}, met, samples, drivers = { { input, rho } } } }, quantiles = { [metric] =
---{ [year] = { p5, p25, p50, p75, p95 } } } }`.
---@param t table
---@return table
function Plan:montecarlo(t) end

---Goal seek: `p:seek{ target = NAME, vary = MEASURE, field = "scale", lo = 0, hi = 10 }` -> the
---value at which the target is just met (nil when none in the range) and the answer as a sentence.
---@param t table
---@return number|integer|nil value
---@return string answer
function Plan:seek(t) end

---Unit-checked quantities: `units.MW`, `units["kgCO2/kWh"]` (read-only).
---@class decarb.units
---@field [string] decarb.Quantity

---Year series: `series{ [2020] = 5, [2030] = 9, unit = "MW" }`.
---@class decarb.series
---@overload fun(t: table): decarb.Series
local series = {}

---start × (1 + rate)^(year − from): `{ start, from =, to =, rate =, unit =, extend = }`.
---@param t table
---@return decarb.Series
function series.growth(t) end

---The same value every year: `{ v, from =, to =, unit =, extend = }`.
---@param t table
---@return decarb.Series
function series.const(t) end

---`f(year)` for each year: `{ f, from =, to =, unit =, extend = }`.
---@param t table
---@return decarb.Series
function series.fn(t) end

---A series from a CSV column (a table of series for a list of columns).
---@param path string
---@param opts? { year?: string, value?: string|string[], unit?: string, interp?: string, extend?: string }
---@return decarb.Series|table<string, decarb.Series>
function series.csv(path, opts) end

---True when x is a series.
---@param x any
---@return boolean
function series.is(x) end

---Reference data with sources; each value comes with an info table.
---@class decarb.factors
local factors = {}

---@class decarb.FactorInfo
---@field dataset string
---@field name string
---@field variant string
---@field year integer
---@field unit string
---@field value number
---@field source string
---@field verify boolean
---@field region? string
---@field grid? string

---China's electricity CO2 factor of a region: `{ region, year =, fallback = }` or `"CN-Gansu"`.
---@param t table|string
---@return decarb.Quantity
---@return decarb.FactorInfo
function factors.grid(t) end

---IPCC 2006 fuel data: a table with `name`, `ncv`, `co2`, `co2_per_t`, `year`, `source`.
---@param t table|string
---@return table
function factors.fuel(t) end

---GB/T 2589 standard-coal coefficient: `{ name, method =, year =, fallback = }`.
---@param t table|string
---@return decarb.Quantity
---@return decarb.FactorInfo
function factors.sce(t) end

---A GWP set: a table with `set`, `ch4`, `n2o`, `year`, `source`.
---@param t table|string
---@return table
function factors.gwp(t) end

---National utilisation hours: `{ tech, year =, period =, fallback = }`.
---@param t table|string
---@return decarb.Quantity
---@return decarb.FactorInfo
function factors.hours(t) end

---Hydrogen data: `{ name, variant = }`.
---@param t table|string
---@return decarb.Quantity
---@return decarb.FactorInfo
function factors.h2(t) end

---Info tables matching a query (every value without one).
---@param query? string
---@return decarb.FactorInfo[]
function factors.list(query) end

---Load your own dataset (a CSV in the schema of stdlib/data/, below the script's folder);
---query it with `dataset = NAME` in grid, sce, hours and h2.
---@param path string
---@return table dataset with `name`, `count`, `values`
function factors.load(path) end

---The regions: `{ id, kind, iso, name_zh, grid, description }`.
---@return table[]
function factors.regions() end

---Plans: `plan{ NAME, years = {FIRST, LAST}, region =, source = }`; energy accounting
---(docs/energy.md): `primary = "calorific" | "coal"`, `gwp = "AR6"`, `grid = S`,
---`heat_factor = S`, `imports = S`, `imports_nonfossil = P`, `factors = { FUEL = S }`.
---Its metrics then include `energy`, `energy:FUEL`, `electricity`, `coal`,
---`primary_energy`, `nonfossil_share`, `co2`, `ch4`, `n2o`.
---@class decarb.plan
---@overload fun(t: table): decarb.Plan
local plan = {}

---The same as `plan{ … }`.
---@param t table
---@return decarb.Plan
function plan.new(t) end

---An uncertain value: `uncertain{ CENTRAL, low =, high = [, dist =] [, sd =] [, group =] [, source =] }`
---(docs/uncertainty.md). A plan takes it wherever it takes a quantity; unsampled it is CENTRAL.
---@class decarb.Uncertain
local Uncertain = {}

---@return decarb.Quantity
function Uncertain:central() end
---@return decarb.Quantity
function Uncertain:low() end
---@return decarb.Quantity
function Uncertain:high() end
---@return string
function Uncertain:dist() end
---@return string|nil
function Uncertain:source() end
---@return string|nil
function Uncertain:group() end
---@param p number
---@return decarb.Quantity
function Uncertain:quantile(p) end
---@param seed integer
---@param i integer
---@param stream? integer
---@return decarb.Quantity
function Uncertain:sample(seed, i, stream) end

---The module of decarb.so: `local decarb = require "decarb"`.
---@class decarb
---@field units decarb.units
---@field series decarb.series
---@field factors decarb.factors
---@field plan decarb.plan
local decarb = {}

---A parameter of the run (`decarb check --set NAME=VALUE`), of the default's
---kind (a quantity for a quantity or a string such as "1286 h/yr"), else the
---default; under stock Lua nothing is set, so the default.
---@param name string
---@param default? decarb.Quantity|string|number|boolean
---@return any
function decarb.param(name, default) end

---A quantity: `q"107 MW"`, `q(107, "MW")`, `q(0.5)`, `q(x)`.
---@param text string|number|decarb.Quantity
---@param unit? string
---@return decarb.Quantity
function decarb.q(text, unit) end

---An uncertain value (docs/uncertainty.md).
---@param t table
---@return decarb.Uncertain
function decarb.uncertain(t) end

---Sets q, units, series, factors, plan and param as fields of env (default: the
---global table), as the decarb host has them; returns env.
---@generic T: table
---@param env? T
---@return T
function decarb.globals(env) end

decarb.units = {}
decarb.series = series
decarb.factors = factors
decarb.plan = plan

return decarb
