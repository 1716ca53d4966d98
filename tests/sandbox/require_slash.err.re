require_slash.lua:2: require '/etc/passwd'
