^memory limit of 64 MiB reached while closing the script \(in a __gc finalizer
