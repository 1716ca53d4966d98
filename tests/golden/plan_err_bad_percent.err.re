^plan_err_bad_percent\.lua:4: target 't': reduce = 20 is read as a fraction; write "20 %" for a percentage

