^units_unknown.lua:2: unknown unit 'kwh' in "3 kwh" — did you mean 'kWh'\?$
