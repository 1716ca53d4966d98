^time limit of 2 s reached while closing the script \(a __gc finalizer did not end
