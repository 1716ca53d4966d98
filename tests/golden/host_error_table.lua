-- an error value that is not a string is still reported
error({ code = 7 })
