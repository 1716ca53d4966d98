^strict_reduce_nopct\.lua:4: target 'cut': reduce = 10 is read as a fraction; write "10 %" for a percentage \(a fraction lies in \[0, 1\]\)
