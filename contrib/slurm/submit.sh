#!/bin/sh
# submit.sh — submits a whole check to Slurm: a job array of N shards over
# the plans in LIST, then the merge job that depends on it (afterok).
# Prints the two job ids. Extra arguments go to decarb check (--set, ...).
#
#   contrib/slurm/submit.sh LIST OUTDIR N FORMAT REPORT [CHECK OPTIONS...]
#
# SBATCH_ARGS adds options to both sbatch calls (a partition, an account).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 5 ] || { echo "usage: submit.sh LIST OUTDIR N FORMAT REPORT [CHECK OPTIONS...]" >&2; exit 2; }
list=$1; out=$2; n=$3; fmt=$4; report=$5; shift 5
case $n in ''|*[!0-9]*|0) echo "submit.sh: N must be a number of shards >= 1, not '$n'" >&2; exit 2 ;; esac
mkdir -p "$out"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array=1-"$n" --output="$out/check-%a.log" \
  "$here/check-array.sbatch" "$out" "$list" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
  --output="$out/merge.log" "$here/merge.sbatch" "$out" "$n" "$fmt" "$report")
merge=${merge%%;*}
echo "$array $merge"
