^time limit of 2 s reached \(raise it with --timeout SEC\)
