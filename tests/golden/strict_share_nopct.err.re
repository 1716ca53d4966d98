^strict_share_nopct\.lua:5: target 'PV share': at_least = 30 is read as a fraction; write "30 %" for a percentage \(a fraction lies in \[0, 1\]\)
