^module_in_host\.lua:4: decarb\.so cannot be loaded into the decarb host: q, units, series, factors and plan are already its globals
require .units. and the like give them
