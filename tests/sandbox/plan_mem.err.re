^memory limit of 64 MiB reached
