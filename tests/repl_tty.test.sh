#!/bin/sh
# repl_tty.test.sh — the REPL on a real terminal, driven through tmux on a
# private socket: completion (and that it runs no user code), Ctrl-C at the
# prompt and during a running chunk, multi-line input, the history file and
# recalling a multi-line entry, Ctrl-D. First, on a pipe, the per-chunk
# --timeout. Run from the repository root; $DECARB is the binary.
set -u
DECARB=${DECARB:-$(pwd)/decarb}
tmp=$(mktemp -d)
sock=decarb-test-$$
# the server's socket lives in the temporary folder, so nothing is left behind
TMUX_TMPDIR=$tmp
export TMUX_TMPDIR
unset TMUX
T="tmux -L $sock -f /dev/null"
cleanup() {
  $T kill-server >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
die() {
  echo "FAIL: $*"
  echo "--- screen:"
  $T capture-pane -p -t t 2>/dev/null
  exit 1
}

# ---- the time limit applies to each chunk, and the session goes on ----------
out=$(printf 'while true do end\nprint("after")\n' | "$DECARB" --timeout 0.3 -i 2>"$tmp/err")
code=$?
[ "$out" = "after" ] || die "after a timed-out chunk, expected 'after', got '$out'"
[ "$code" = 5 ] || die "a timed-out chunk should leave exit code 5, got $code"
grep -q "time limit of 0.3 s reached" "$tmp/err" || die "no time-limit message: $(cat "$tmp/err")"

command -v tmux >/dev/null || die "tmux is needed for this test (make deps installs it)"

screen() { $T capture-pane -p -t t; }
# wait_for REGEX: until the screen shows it (5 s at most)
wait_for() {
  i=0
  while [ $i -lt 50 ]; do
    screen | grep -Eq -- "$1" && return 0
    sleep 0.1
    i=$((i + 1))
  done
  die "the screen never showed /$1/"
}
# send WORD...: text is typed literally (tmux would read "end" as the End
# key); the words Enter, Tab, Up, C-c, C-d, C-l, C-u are keys
send() {
  for w in "$@"; do
    case $w in
      Enter|Tab|Up|C-c|C-d|C-l|C-u) $T send-keys -t t "$w" ;;
      *) $T send-keys -t t -l "$w" ;;
    esac
  done
}
start() { # [HISTORY_FILE]
  $T new-session -d -x 100 -y 40 -s t \
    "env HOME=$tmp DECARB_HISTORY=${1:-$tmp/hist} NO_COLOR=1 $DECARB" || die "tmux cannot start"
  wait_for '^decarb .*:help'
  wait_for '^> ?$'
}
clear_screen() {
  send C-l
  $T clear-history -t t
  sleep 0.2
}

start

# ---- completion ---------------------------------------------------------
send 'pri' Tab
wait_for '^> print$'
send '(6*7)' Enter
wait_for '^42$'

send 'string.fo' Tab
wait_for '^> string\.format$'
send "('%d', 5)" Enter
wait_for '^"5"$'

send 'q"1 tc' Tab
wait_for '^> q"1 tce$'
send '"' Enter
wait_for '^1 tce$'

send ':hel' Tab 'tar' Tab
wait_for '^> :help targets ?$'
send Enter
wait_for '^Targets'

# methods of a quantity (a raw __index table), of a plan and of a series
# (their metatables' table `methods`)
send 'gen = q"107 MW"' Enter 'gen:va' Tab
wait_for '^> gen:value$'
send '"kW"' Enter
wait_for '^107000$'
send 'p = plan{ "Tab town", years = {2020, 2021} }' Enter 'p:tar' Tab
wait_for '^> p:target$'
send C-u
# and of a series (its metatable's table `methods` too)
send 's = series{ [2020] = 1, [2022] = 3 }' Enter 's:cum' Tab
wait_for '^> s:cumsum$'
send C-u

# completion reads tables raw: an __index function is never called
clear_screen
send 'trap = setmetatable({}, { __index = function() print("TRAPPED") return {} end })' Enter
send 'trap.x' Tab Tab
sleep 0.3
send C-u 'print("no trap")' Enter
wait_for '^no trap$'
screen | grep -q '^TRAPPED' && die "completion ran an __index function"

# ---- Ctrl-C at the prompt clears the line ----------------------------------
clear_screen
send 'this is not lua'
wait_for 'this is not lua'
send C-c
wait_for 'this is not lua\^C'
send '1 + 1' Enter
wait_for '^2$'
screen | grep -q 'unexpected symbol' && die "the cleared line was run"

# ---- multi-line input ---------------------------------------------------------
clear_screen
send 'for i = 1, 2 do' Enter
wait_for '^>> ?$'
send 'print(i * 10)' Enter 'end' Enter
wait_for '^20$'
screen | grep -q '^10$' || die "the loop did not print 10"

# ---- Ctrl-C interrupts a running chunk; the REPL survives ---------------------
clear_screen
send 'while true do end' Enter
sleep 0.5
send C-c
wait_for '^interrupted$'
screen | grep -q '^\^C$' || die "no ^C line before the message"
send 'print("alive")' Enter
wait_for '^alive$'

# ---- a multi-line chunk is one history entry --------------------------------
send 'for i = 1, 3 do' Enter 'print("loop " .. i)' Enter 'end' Enter
wait_for '^loop 3$'
send C-d
i=0
while $T has-session -t t 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 50 ] || die "Ctrl-D did not end the REPL"
  sleep 0.1
done
[ -s "$tmp/hist" ] || die "the history file was not written"
grep -q '^print("alive")$' "$tmp/hist" || die "history lacks a one-line entry"
# the three lines follow each other with no entry mark between them
grep -A2 '^for i = 1, 3 do$' "$tmp/hist" | tr '\n' '|' | grep -q '^for i = 1, 3 do|print("loop " .. i)|end|$' ||
  die "the multi-line chunk is not one entry: $(cat "$tmp/hist")"

# a new session recalls it with one Up and runs it again
$T kill-server >/dev/null 2>&1
start
send Up
wait_for '^end$'
send Enter
wait_for '^loop 3$'
[ "$(screen | grep -c '^loop 3$')" = 1 ] || die "the recalled chunk ran more than once"
send ':quit' Enter

# a history file that cannot be written is ignored, silently
i=0
while $T has-session -t t 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 50 ] || die ":quit did not end the REPL"
  sleep 0.1
done
start "$tmp/no/such/folder/hist"
send '6 * 7' Enter
wait_for '^42$'
[ "$(screen | grep -cv '^$')" = 4 ] || die "something more was printed with an unwritable history"
send C-d
echo "ok: completion, Ctrl-C, multi-line, history, Ctrl-D, --timeout"
