/* repl_help.c — the colon commands' names and the texts of :help, short
 * summaries of docs/repl.md, docs/units.md, docs/series.md, docs/plan.md
 * docs/targets.md and docs/energy.md (keep them in step with those pages). */
#include <string.h>

#include "replkit.h"

const char *const dc_repl_commands[] = {"help", "load", "check", "explain", "plot", "units", "reset", "quit", NULL};

const char *const dc_repl_topics[] = {"repl", "units", "series", "plan", "targets", "energy", NULL};

static const char help_overview[] =
  "Type Lua and press Enter: an expression prints its value (_ holds the last\n"
  "one), a statement runs. A chunk that is not finished continues on the next\n"
  "line (>> prompt). Each chunk is its own scope: drop `local` to keep a name.\n"
  "\n"
  "  :help [TOPIC]   this text, or a topic: repl units series plan targets energy\n"
  "  :load FILE      run a script in this session (its globals stay)\n"
  "  :check [PLAN]   evaluate the plans of the session (or the one named);\n"
  "                  --samples N [--seed S] adds a Monte Carlo: P(met), drivers\n"
  "  :explain [TARGET]  why each target is met or missed, term by term\n"
  "  :plot EXPR      a chart of the series EXPR in the terminal (so does s:plot())\n"
  "  :units [TEXT]   list the units whose name or kind contains TEXT\n"
  "  :reset          a fresh session: every global is gone\n"
  "  :quit           leave (so does Ctrl-D)\n"
  "\n"
  "Tab completes names, fields after . and :, units inside q\"...\" and the\n"
  "commands. Ctrl-C clears the line, or stops a running chunk.\n";

static const char help_repl[] =
  "The REPL (docs/repl.md)\n"
  "  Enter runs the chunk; an unfinished one continues (>> prompt).\n"
  "  Up/Down walk the history (~/.decarb_history, or $DECARB_HISTORY);\n"
  "  a multi-line chunk is one entry.\n"
  "  Tab completes: globals and keywords; fields after a.b. and methods\n"
  "  after a:; unit names inside q\"...\", x:to\"...\", x:value\"...\"; the\n"
  "  colon commands, :help topics and :load file names. Completion only\n"
  "  reads tables; it never runs your code.\n"
  "  Ctrl-C clears the line, or interrupts a running chunk; Ctrl-D quits.\n"
  "  Values print with sorted keys; quantities, series and plans as they\n"
  "  show themselves. --timeout and --max-mem apply to each chunk.\n";

static const char help_units[] =
  "Units (docs/units.md)\n"
  "  q\"107 MW\"               a quantity: a number with a unit\n"
  "  q(107, \"MW\")            the same from a number\n"
  "  x:to\"MWh\"               the same amount in another unit\n"
  "  x:value\"GWh\"            a plain number in that unit\n"
  "  q\"10 t CH4\":co2e\"AR6\"   CO2-equivalent with a named GWP set\n"
  "  Arithmetic checks dimensions: MW + MWh is an error; MW * h is energy.\n"
  "  :units TEXT lists the units; decarb units \"1 tce\" kWh converts.\n";

static const char help_series[] =
  "Series (docs/series.md): one value per year, with a unit\n"
  "  series{ [2020] = 600, [2025] = 900, unit = \"MW\" }   linear between points\n"
  "    interp = \"step\" | \"growth\";  extend = \"constant\" | \"linear\" (else reading\n"
  "    outside the years is an error)\n"
  "  series.growth{ \"2.1 TWh\", from = 2020, rate = 0.04, to = 2035 }\n"
  "  series.const{ \"5 MW\", from = 2020, to = 2035 }   series.fn{ f, from =, to = }\n"
  "  series.csv(\"cap.csv\", { value = \"wind\", unit = \"MW\" })\n"
  "  s[2025]  s:to\"GWh\"  s:sum(2021, 2030)  s:peak()  s:cagr(2020, 2030)\n"
  "  s:share(total)  s:diff()  s:shift(n)  s:map(f)  s:table()  #s  pairs(s)\n"
  "  + - * / work year by year over the years both cover, units checked;\n"
  "  :sum of a rate (tCO2/yr, MW) multiplies each year by 1 yr.\n";

static const char help_plan[] =
  "Plans (docs/plan.md)\n"
  "  p = plan{ \"Mini city\", years = {2020, 2030}, region =, source = }\n"
  "  p:sector{ \"buildings\", emissions = \"100 tCO2e/yr\" }\n"
  "  p:sector{ \"power\", activity = \"1000 MWh/yr\", factor = \"0.5 tCO2/MWh\" }\n"
  "  p:capacity{ \"PV\", [2020] = \"10 MW\", [2030] = \"30 MW\", hours = \"1000 h/yr\" }\n"
  "  p:metric{ \"GDP\", series{ [2020] = \"1000 yuan/yr\", [2030] = \"2000 yuan/yr\" } }\n"
  "  p:measure{ \"Retrofit\", sector = \"buildings\", abates = \"30 tCO2e/yr\",\n"
  "             start = 2021, full = 2023 }\n"
  "    (also saves = S, factor = S;  adds = { PV = \"0.1 MW\" }, displaces = S)\n"
  "  p:target{ ... }          :help targets\n"
  "  p:scenario{ \"no retrofit\", drop = { \"Retrofit\" } }\n"
  "  p:series\"emissions\"  p:value(\"emissions\", 2030)  p:check()  p:wedges()\n"
  "  :check prints the report of decarb check for the plans of the session.\n";

static const char help_targets[] =
  "Targets (docs/targets.md): a verdict for every year, a margin, the first\n"
  "year met and the first year failed\n"
  "  at_most = \"60 tCO2e/yr\", by = 2028 [, every_year_after = true]\n"
  "  reduce = \"40 %\", from = 2020, by = 2028          against a base year\n"
  "  reduce = \"70 %\", per = \"GDP\", from = 2020, by = 2028   intensity\n"
  "  reduce = \"5 %\", vs = \"BAU\", by = 2025            against BAU\n"
  "  share = \"PV\", of = \"capacity\", at_least = \"30 %\", by = 2030\n"
  "  peak_by = 2025 [, tolerance = \"1 %\"]\n"
  "  net_zero = 2030\n"
  "  budget = \"550 tCO2e\", over = {2021, 2025}\n"
  "  e.g. p:target{ \"-40 % vs 2020 by 2028\", reduce = \"40 %\", from = 2020, by = 2028 }\n"
  "  Default metric: \"emissions\" (metric = M for another).\n";

static const char help_energy[] =
  "Energy accounting (docs/energy.md)\n"
  "  p:sector{ NAME, energy = { coal = \"4000 万tce/yr\", electricity = \"1000 亿kWh/yr\" } }\n"
  "  p:sector{ NAME, activity = S, intensity = { coal = \"0.55 tce/t\" } }\n"
  "  p:sector{ \"power\", power = true, energy = { coal = S } }   fuels the plants burn\n"
  "  p:measure{ NAME, sector =, saves = S, fuel = \"coal\" }\n"
  "  p:measure{ NAME, sector =, switch = { from = \"coal\", to = \"electricity\",\n"
  "             share = \"50 %\", efficiency = 3 } }               share of the BAU use\n"
  "  plan{ ..., primary = \"coal\" | \"calorific\", gwp = \"AR6\", grid = S, heat_factor = S }\n"
  "  metrics: energy, energy:FUEL, electricity, coal, primary_energy,\n"
  "           nonfossil_share, co2, ch4, n2o, emissions (CO2e)\n"
  "  fuels: coal oil natural_gas electricity heat biomass + factors.fuel names\n"
  "  non-fossil capacity by name (solar, wind, hydro, nuclear...) or fossil = false\n";

const char *dc_repl_help(const char *topic) {
  if (!topic || !*topic) return help_overview;
  if (strcmp(topic, "repl") == 0 || strcmp(topic, "keys") == 0) return help_repl;
  if (strcmp(topic, "units") == 0) return help_units;
  if (strcmp(topic, "series") == 0) return help_series;
  if (strcmp(topic, "plan") == 0 || strcmp(topic, "plans") == 0) return help_plan;
  if (strcmp(topic, "targets") == 0 || strcmp(topic, "target") == 0) return help_targets;
  if (strcmp(topic, "energy") == 0) return help_energy;
  return NULL;
}

const char *dc_repl_command(const char *word, size_t len) {
  const char *found = NULL;
  if (len == 0) return NULL;
  if (len == 1 && word[0] == 'q') return "quit"; /* :q, as in most REPLs */
  for (int i = 0; dc_repl_commands[i]; i++) {
    const char *c = dc_repl_commands[i];
    if (strncmp(c, word, len) != 0) continue;
    if (strlen(c) == len) return c;
    if (found) return NULL; /* ambiguous */
    found = c;
  }
  return found;
}
