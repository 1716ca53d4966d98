^time limit of 2 s reached \(the script did not stop
