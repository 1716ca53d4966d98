^memory limit of 64 MiB reached while closing the script \(running its __gc finalizers
