-- explain in another year and scenario, one target
return require "explain_kinds"
