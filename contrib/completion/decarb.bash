# decarb.bash — bash completion for decarb (Debian's bash-completion
# conventions: installed as share/bash-completion/completions/decarb and
# loaded on first use). Completes subcommands, options, the report formats
# of check, explain and diff, chart's options, and file names (Lua scripts where decarb wants a script).
# tests/completion.test.sh keeps these lists equal to `decarb --help`.

_decarb() {
  local cur prev words cword
  _init_completion || return

  local common="--timeout --max-mem --unsafe --no-color -h --help"
  local top="-e -i -v -V --version $common"
  local subcommands="check chart explain diff seek merge units factors"
  local check_opts="--format --output --scenario --years --jobs --shard --set --exit-zero --samples --seed --fail-below $common"
  local chart_opts="--metric --target --wedges --scenario --plan --years --width --height --output $common"
  local explain_opts="--target --year --scenario --format $common"
  local diff_opts="--format --tolerance $common"
  local seek_opts="--target --vary --lo --hi --scenario --format $common"
  local merge_opts="--format --exit-zero -h --help"
  local formats="text json jsonl csv csv-targets tap junit github html"

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
        explain | seek) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        diff) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "$formats" -- "$cur")) ;;
      esac
      return ;;
    --output) _filedir; return ;;
    --timeout | --max-mem | --scenario | --years | --jobs | --shard | --set | --target | --year | --tolerance | --vary | --lo | --hi | --samples | --seed | --fail-below | --metric | --plan | --width | --height | -e) return ;;
  esac

  case $sub in
    check)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$check_opts" -- "$cur"))
      else _filedir lua; fi ;;
    merge)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$merge_opts" -- "$cur"))
      else _filedir jsonl; fi ;;
    chart)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$chart_opts" -- "$cur"))
      else _filedir lua; fi ;;
    explain)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$explain_opts" -- "$cur"))
      else _filedir lua; fi ;;
    diff) # plan files or JSON reports
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$diff_opts" -- "$cur"))
      else _filedir '@(lua|json)'; fi ;;
    seek)
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$seek_opts" -- "$cur"))
      else _filedir lua; fi ;;
    units | factors) ;;
    "")
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$top" -- "$cur"))
      else COMPREPLY=($(compgen -W "$subcommands" -- "$cur")); _filedir lua; fi ;;
    *) _filedir ;; # the arguments of a script: any file
  esac
} &&
  complete -F _decarb decarb
