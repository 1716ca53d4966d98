^time limit of 0\.5 s reached
