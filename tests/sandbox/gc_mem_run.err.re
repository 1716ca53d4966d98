^memory limit of 64 MiB reached \(raise it with --max-mem SIZE\)
