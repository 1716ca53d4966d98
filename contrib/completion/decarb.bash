# decarb.bash — bash completion for decarb (Debian's bash-completion
# conventions: installed as share/bash-completion/completions/decarb and
# loaded on first use). Completes subcommands, options, the report formats
# of check, explain and diff, and file names (Lua scripts where decarb wants a script).
# tests/completion.test.sh keeps these lists equal to `decarb --help`.

_decarb() {
  local cur prev words cword
  _init_completion || return

  local common="--timeout --max-mem --unsafe --no-color -h --help"
  local top="-e -i -v -V --version $common"
  local subcommands="check explain diff units factors"
  local check_opts="--format --output --scenario --years --jobs --shard $common"
  local explain_opts="--target --year --scenario --format $common"
  local diff_opts="--format --tolerance $common"
  local formats="text json jsonl csv csv-targets tap junit github"

  # the subcommand, if any: the first word that is not an option or its value
  local i sub="" w
  for ((i = 1; i < cword; i++)); do
    w=${words[i]}
    case $w in
      --timeout | --max-mem | -e) ((i++)) ;;
      -*) ;;
      *) sub=$w; break ;;
    esac
  done

  case $prev in
    --format)
      case $sub in
        explain) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        diff) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "$formats" -- "$cur")) ;;
      esac
      return ;;
    --output) _filedir; return ;;
    --timeout | --max-mem | --scenario | --years | --jobs | --shard | --target | --year | --tolerance | -e) return ;;
  esac

  case $sub in
    check)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$check_opts" -- "$cur"))
      else _filedir lua; fi ;;
    explain)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$explain_opts" -- "$cur"))
      else _filedir lua; fi ;;
    diff) # plan files or JSON reports
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$diff_opts" -- "$cur"))
      else _filedir '@(lua|json)'; fi ;;
    units | factors) ;;
    "")
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$top" -- "$cur"))
      else COMPREPLY=($(compgen -W "$subcommands" -- "$cur")); _filedir lua; fi ;;
    *) _filedir ;; # the arguments of a script: any file
  esac
} &&
  complete -F _decarb decarb
