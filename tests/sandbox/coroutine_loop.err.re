^time limit of 2 s reached
