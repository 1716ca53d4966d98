#!/bin/sh
# chart_tty.test.sh — pictures on a real terminal, through tmux on a private
# socket: in the REPL `:plot EXPR` and `s:plot()` draw a braille chart as
# wide as the terminal (two widths tried), a series prints as a compact year
# table; `decarb check` shows a sparkline per metric on a terminal and none
# in a pipe or a file. Run from the repository root; $DECARB is the binary.
set -u
DECARB=${DECARB:-$(pwd)/decarb}
case $DECARB in /*) ;; *) DECARB=$(pwd)/$DECARB ;; esac
tmp=$(mktemp -d)
sock=decarb-chart-$$
TMUX_TMPDIR=$tmp
export TMUX_TMPDIR
unset TMUX
T="tmux -L $sock -f /dev/null"
cleanup() {
  $T kill-server > /dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
die() {
  echo "FAIL: $*"
  echo "--- screen:"
  $T capture-pane -p -t t 2> /dev/null
  exit 1
}
command -v tmux > /dev/null || die "tmux is needed for this test (make deps installs it)"
screen() { $T capture-pane -p -t t; }
wait_for() {
  i=0
  while [ $i -lt 100 ]; do
    screen | grep -Eq -- "$1" && return 0
    sleep 0.1
    i=$((i + 1))
  done
  die "the screen never showed /$1/"
}
send() { $T send-keys -t t -l "$1"; $T send-keys -t t Enter; }
# the longest line of the plot (its axes: ┤ │ └), in characters
widest() { screen | python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in sys.stdin if "┤" in l or "└" in l))'; }

# an idle session keeps one server for the whole test: a session started
# just after the last one ended could reach the old server as it exits
# ("server exited unexpectedly")
$T new-session -d -s keep "sleep 600" || die "tmux cannot start"
for cols in 100 60; do
  $T new-session -d -x $cols -y 50 -s t "env HOME=$tmp DECARB_HISTORY=$tmp/hist NO_COLOR=1 $DECARB" ||
    die "tmux cannot start"
  wait_for '^>'
  send 's = series.growth{"100 tCO2e/yr", from = 2020, rate = 0.05, to = 2050}'
  send ':plot s'
  wait_for '^ +2020 +2035 +2050$'
  screen | grep -q '⣀' || die ":plot drew no braille"
  w=$(widest)
  # the plot is one column narrower than the terminal, so it never wraps
  [ "$w" -eq $((cols - 1)) ] || die ":plot on $cols columns: widest line $w, expected $((cols - 1))"
  send 'print("--")'
  $T send-keys -t t C-l
  send 's:plot()'
  wait_for '^ +2020 +2035 +2050$'
  [ "$(widest)" -eq $((cols - 1)) ] || die "s:plot() on $cols columns: widest line $(widest)"
  $T send-keys -t t C-l
  send 's'
  wait_for '^series 2020\.\.2050 \(tCO2e/yr\), 31 years$'
  screen | grep -Eq '^  2020 +100   2021 +105' || die "no compact year table"
  $T kill-session -t t
done

# check: sparklines on a terminal only
$T new-session -d -x 120 -y 60 -s t "env NO_COLOR=1 $DECARB check examples/changzhi.lua; sleep 30" || die "tmux cannot start"
wait_for 'targets met'
screen | grep -Eq '^  emissions +[▁▂▃▄▅▆▇█]{15}  25\.6698 → 23\.0249 MtCO2/yr$' || die "no sparkline on a terminal"
screen | grep -q '^Trends 2021-2035$' || die "no Trends heading"
$T kill-session -t t
"$DECARB" check examples/changzhi.lua | grep -q 'Trends\|▁' && die "a sparkline in a pipe"
"$DECARB" check --output "$tmp/r.txt" examples/changzhi.lua
grep -q 'Trends' "$tmp/r.txt" && die "a sparkline in a file"
echo ok
