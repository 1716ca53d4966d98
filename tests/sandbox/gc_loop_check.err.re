^time limit of 2 s reached while closing the script
