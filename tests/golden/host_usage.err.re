^decarb: unknown option '--bogus'
^decarb: --timeout needs a positive number of seconds \(e.g. --timeout 10\), not 'abc'
^decarb: --max-mem needs a size of at least 1M \(e.g. 256M, 1G\), not '12Q'
^decarb: cannot open 'no-such-file.lua': No such file or directory
^decarb: -e needs a chunk of Lua
