^memory limit of 256 MiB reached
