-- decarb diff: bad input gives a clear message and exit 2 (a JSON that is
-- not a decarb report, two unrelated plans, a missing file, bad options)
return plan{ "Somewhere else", years = {2020, 2025} }
