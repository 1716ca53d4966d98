"$DECARB" units "1 tce" kWh
"$DECARB" units "10 t CH4" "kg CH4"
"$DECARB" units "107 MW"
"$DECARB" units "1 yr" h
"$DECARB" units kWh
"$DECARB" units "2 亿kWh" TWh
"$DECARB" units -- "-5 MW" kW
"$DECARB" units time
