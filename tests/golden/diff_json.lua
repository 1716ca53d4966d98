-- decarb diff: a JSON report of diff_old.lua against the plan file
-- diff_new.lua (and the other way round), as markdown and JSON
return require "diff_old"
