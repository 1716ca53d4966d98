^time limit of 0.3 s reached
