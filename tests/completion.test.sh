#!/bin/sh
# completion.test.sh — contrib/completion/decarb.bash completes subcommands,
# options, formats and file names, and its option lists are those of
# `decarb --help` and `decarb check --help` (so neither drifts).
[ -n "$BASH_VERSION" ] || exec bash "$0" "$@"
# (no set -e: bash-completion's helpers return non-zero on purpose)

root=$(pwd)
. /usr/share/bash-completion/bash_completion || exit 1
. contrib/completion/decarb.bash || exit 1
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
mkdir "$d/plans"; touch "$d/a.lua" "$d/b.lua" "$d/notes.txt" "$d/plans/c.lua"
cd "$d"
fails=0
# complete LINE EXPECTED: the words offered for the last word of LINE (sorted)
complete_line() {
  COMP_LINE=$1; COMP_POINT=${#1}
  read -ra COMP_WORDS <<<"$1"
  [[ $1 == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _decarb decarb "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  if [ "$got" != "$2 " ]; then echo "not ok: '$1' gave '$got', expected '$2 '"; fails=$((fails + 1)); fi
}
complete_line "decarb " "a.lua b.lua check diff explain factors plans units"
complete_line "decarb ch" "check"
complete_line "decarb --" "--help --max-mem --no-color --timeout --unsafe --version"
complete_line "decarb --timeout 5 ch" "check"
complete_line "decarb check " "a.lua b.lua plans"
complete_line "decarb check plans/" "plans/c.lua"
complete_line "decarb check --f" "--format"
complete_line "decarb check --format " "csv csv-targets github json jsonl junit tap text"
complete_line "decarb check --format j" "json jsonl junit"
complete_line "decarb check --output " "a.lua b.lua notes.txt plans"
complete_line "decarb check --scenario " ""
complete_line "decarb a.lua " "a.lua b.lua notes.txt plans"
complete_line "decarb explain --f" "--format"
complete_line "decarb explain --format " "json text"
complete_line "decarb explain --target " ""
complete_line "decarb diff --format " "json markdown text"
complete_line "decarb diff --t" "--timeout --tolerance"
# the option lists are the ones the help texts give
cd "$root"
opts_of() { grep -oE '(^|[ ,])--?[a-zA-Z][a-z-]*' | tr -d ' ,' | sort -u | tr '\n' ' '; }
help_top=$(./decarb --help | sed -n '/^  -/p;/^common options/,/^$/p' | opts_of)
help_check=$(./decarb check --help | opts_of)
script_top=$(sed -n 's/^  local \(common\|top\)="\(.*\)"$/\2/p' contrib/completion/decarb.bash | tr ' ' '\n' | grep -v '^\$' | sort -u | tr '\n' ' ')
script_check=$(sed -n 's/^  local \(common\|check_opts\)="\(.*\)"$/\2/p' contrib/completion/decarb.bash | tr ' ' '\n' | grep -v '^\$' | grep -vE '^(-h|--help)$' | sort -u | tr '\n' ' ')
[ "$help_top" = "$script_top" ] || { echo "not ok: decarb --help has '$help_top', the completion '$script_top'"; fails=$((fails + 1)); }
for sub in explain diff; do
  help_sub=$(./decarb $sub --help | opts_of)
  script_sub=$(sed -n "s/^  local \(common\|${sub}_opts\)=\"\(.*\)\"\$/\2/p" contrib/completion/decarb.bash | tr ' ' '\n' | grep -v '^\$' | grep -vE '^(-h|--help)$' | sort -u | tr '\n' ' ')
  [ "$help_sub" = "$script_sub" ] || { echo "not ok: decarb $sub --help has '$help_sub', the completion '$script_sub'"; fails=$((fails + 1)); }
done
[ "$help_check" = "$script_check" ] || { echo "not ok: decarb check --help has '$help_check', the completion '$script_check'"; fails=$((fails + 1)); }
# the --format line and its continuation lines (indented past the option column)
formats=$(./decarb check --help | awk '/^  --format FMT/ { sub(/^  --format FMT */, ""); printf "%s", $0; on = 1; next }
  on && /^                   [^ ]/ { sub(/^ */, " "); printf "%s", $0; next } { on = 0 }' |
  tr -d ',' | sed 's/ (default)//; s/ or / /')
grep -q "^  local formats=\"$formats\"$" contrib/completion/decarb.bash ||
  { echo "not ok: the formats of decarb check --help are '$formats'"; fails=$((fails + 1)); }
[ "$fails" -eq 0 ]
