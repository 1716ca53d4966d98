-- the explain_kinds plan, explained as JSON
return require "explain_kinds"
