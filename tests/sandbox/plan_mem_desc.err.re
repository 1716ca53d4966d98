^memory limit of 16 MiB reached
