"$DECARB" check report_column_prefix.lua
