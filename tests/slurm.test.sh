#!/bin/sh
# slurm.test.sh — contrib/slurm/ on a real Slurm: starts a one-node cluster
# on this machine (Debian's slurm-wlm and munge; `make deps` installs them):
# munged with its own key and socket, slurmctld and slurmd on free loopback
# ports with their own slurm.conf, state and spool folders, all under a
# temporary folder, stopped by their own pids however the test ends. Then
# submits the job array over 200 generated plans in 4 shards and the merge
# job that depends on it (contrib/slurm/submit.sh), waits, and compares the
# merged report with one decarb check over all the plans, in text and in
# JSON. Within 2 minutes; a cluster that does not start fails the test
# with the daemons' logs.
DECARB=${DECARB:-./decarb}
case $DECARB in /*) ;; *) DECARB=$(pwd)/$DECARB ;; esac
root=$(pwd)
t=$(mktemp -d /tmp/decarb-slurm.XXXXXX)
pids=""
logs() {
  for f in "$t"/*.log "$t"/*.out "$t"/out/*.log; do
    [ -f "$f" ] && { echo "----- $f"; tail -n 40 "$f"; }
  done
}
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null; done
  sleep 0.5
  for p in $pids; do kill -9 "$p" 2>/dev/null; done
  rm -rf "$t"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*"; logs; exit 1; }
for c in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$c" > /dev/null || fail "$c is missing: make deps installs Debian's slurm-wlm and munge"
done
start=$(date +%s)
chmod 755 "$t"
mkdir -p "$t/state" "$t/spool" "$t/plans" "$t/out"

# munge: a key and a socket of its own
dd if=/dev/urandom of="$t/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$t/munge.key"
munged -F -f --socket="$t/munge.sock" --key-file="$t/munge.key" --log-file="$t/munged.log" \
  --pid-file="$t/munged.pid" --seed-file="$t/munge.seed" > "$t/munged.out" 2>&1 &
pids="$pids $!"
i=0; until [ -S "$t/munge.sock" ]; do i=$((i + 1)); [ $i -lt 100 ] || fail "munged did not start"; sleep 0.1; done

# two free ports on loopback
ports=$(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
cport=${ports% *}; dport=${ports#* }
host=$(hostname -s)
cat > "$t/slurm.conf" <<CONF
ClusterName=decarbtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$cport
SlurmdPort=$dport
AuthType=auth/munge
AuthInfo=socket=$t/munge.sock
CredType=cred/munge
SlurmUser=$(id -un)
SlurmdUser=root
StateSaveLocation=$t/state
SlurmdSpoolDir=$t/spool
SlurmctldPidFile=$t/slurmctld.pid
SlurmdPidFile=$t/slurmd.pid
SlurmctldLogFile=$t/slurmctld.log
SlurmdLogFile=$t/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
MinJobAge=600
NodeName=decarbnode NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=decarbtest Nodes=decarbnode Default=YES MaxTime=10 State=UP
CONF
export SLURM_CONF="$t/slurm.conf"
slurmctld -D -f "$t/slurm.conf" > "$t/slurmctld.out" 2>&1 &
pids="$pids $!"
slurmd -D -N decarbnode -f "$t/slurm.conf" > "$t/slurmd.out" 2>&1 &
pids="$pids $!"
i=0
until sinfo -h -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; do
  i=$((i + 1)); [ $i -lt 150 ] || fail "the cluster did not come up in 30 s ($(sinfo 2>&1 | tail -n 1))"
  sleep 0.2
done

# 200 plans (some miss their target), their list, and the single-process run
i=1
while [ $i -le 200 ]; do
  cat > "$t/plans/p$i.lua" <<LUA
local p = plan{ "City $i", years = {2020, 2030}, region = "R$((i % 7))" }
p:sector{ "buildings", emissions = "$((1000 + 2 * i)) tCO2e/yr" }
p:measure{ "retrofit $i", sector = "buildings", abates = "$i tCO2e/yr", year = 2023 }
p:target{ "cap", at_most = "1100 tCO2e/yr", by = 2030 }
LUA
  echo "$t/plans/p$i.lua" >> "$t/list"
  i=$((i + 1))
done
# shellcheck disable=SC2046
"$DECARB" check $(cat "$t/list") > "$t/whole.txt"; wc=$?
# shellcheck disable=SC2046
"$DECARB" check --format json $(cat "$t/list") > "$t/whole.json"
[ "$wc" = 1 ] || fail "the single-process run: exit $wc (some targets should be missed)"

# the array of 4 shards, and the merge that depends on it
submit() { # FORMAT REPORT : prints the merge job's id
  DECARB="$DECARB" sh "$root/contrib/slurm/submit.sh" "$t/list" "$t/out/$1" 4 "$1" "$2" 2> "$t/submit.log" |
    awk '{ print $2 }'
}
mtext=$(submit text "$t/merged.txt") && [ -n "$mtext" ] || fail "sbatch failed: $(cat "$t/submit.log")"
mjson=$(submit json "$t/merged.json") && [ -n "$mjson" ] || fail "sbatch failed: $(cat "$t/submit.log")"
# wait for both merge jobs to leave the queue (at most until 110 s in all)
while squeue -h -j "$mtext,$mjson" 2>/dev/null | grep -q .; do
  [ $(( $(date +%s) - start )) -lt 110 ] || fail "the jobs did not finish within the time ($(squeue 2>&1))"
  sleep 0.5
done
for f in text json; do
  for k in 1 2 3 4; do [ -s "$t/out/$f/shard-$k.jsonl" ] || fail "no shard $k ($f): $(cat "$t/out/$f/check-$k.log" 2>&1)"; done
  [ "$(cat "$t/merged.$([ $f = text ] && echo txt || echo json).code" 2>/dev/null)" = 1 ] || fail "merge ($f) exit code: $(cat "$t/out/$f/merge.log")"
done
# the shards split the 200 plans into 4 runs of 50
[ "$(wc -l < "$t/out/json/shard-2.jsonl")" = 50 ] || fail "shard 2 has $(wc -l < "$t/out/json/shard-2.jsonl") plans"
cmp -s "$t/whole.txt" "$t/merged.txt" || { diff "$t/whole.txt" "$t/merged.txt" | head; fail "merged text report differs"; }
cmp -s "$t/whole.json" "$t/merged.json" || { diff "$t/whole.json" "$t/merged.json" | head; fail "merged JSON report differs"; }
echo "slurm: ok ($(( $(date +%s) - start )) s)"
