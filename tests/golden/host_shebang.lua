#!/usr/bin/env decarb
-- a #! first line is skipped; line numbers stay right
error("on line three")
