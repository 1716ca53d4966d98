^decarb units: too many arguments$
^usage: decarb units
