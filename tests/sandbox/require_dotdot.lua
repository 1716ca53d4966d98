-- a module name cannot climb out of the script folder
require "...secret"
