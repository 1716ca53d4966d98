-- (run by report_scenario_skip.cmd: --scenario over files of which one lacks it)
return require "check_text"
