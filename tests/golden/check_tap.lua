-- the check_text plan, checked with another format
return require "check_text"
