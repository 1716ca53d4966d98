^series_uncaught.lua:4: year 2030 is outside the series 2020..2025 \(build it with extend = "constant", "linear" or "growth" to read beyond its years\)$
