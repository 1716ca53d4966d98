^\(error object is a table value\)$
	host_error_table.lua:2: in main chunk
