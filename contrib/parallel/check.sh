#!/bin/sh
# check.sh — decarb check of many plans with GNU parallel (docs/scale.md):
# N shards at a time on this machine, or on others with parallel's
# --sshlogin, then one merged report. The shards are decarb's own
# (--shard I/N: runs of consecutive plans), so the merge is the report of
# one decarb check over all the plans, in the order of LIST.
#
#   contrib/parallel/check.sh LIST N FORMAT [CHECK OPTIONS...] > REPORT
#
# LIST: one plan path a line. PARALLEL_ARGS adds options to parallel
# (e.g. "--sshlogin 8/node1,8/node2 --workdir ."). Exit: merge's (0 every
# target met, 1 one missed), or the first failing shard's.
set -eu
[ $# -ge 3 ] || { echo "usage: check.sh LIST N FORMAT [CHECK OPTIONS...] > REPORT" >&2; exit 2; }
list=$1; n=$2; fmt=$3; shift 3
case $n in ''|*[!0-9]*|0) echo "check.sh: N must be a number of shards >= 1, not '$n'" >&2; exit 2 ;; esac
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
decarb=${DECARB:-decarb}
# one job per shard; a missed target is not a failure here (--exit-zero)
# shellcheck disable=SC2086
seq 1 "$n" | parallel --halt now,fail=1 ${PARALLEL_ARGS:-} \
  "\"$decarb\" check --shard {}/$n --format jsonl --exit-zero --output $out/shard-{}.jsonl $* -- \$(cat \"$list\")" ||
  { echo "check.sh: a shard failed" >&2; exit 2; }
set --
i=1; while [ "$i" -le "$n" ]; do set -- "$@" "$out/shard-$i.jsonl"; i=$((i + 1)); done
"$decarb" merge --format "$fmt" "$@"
