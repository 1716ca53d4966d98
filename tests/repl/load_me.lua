-- a script for repl_commands.in: :load runs it in the session
loaded_value = q"107 MW" * q"1500 h"
return "loaded", 2
