#!/bin/sh
# fault_alloc.test.sh — a sample of the allocation fault sweep
# (tests/fuzz/fault_sweep.sh; `make fault` runs every allocation under ASan).
# Uses the decarb-fault binary beside the build's objects: build/ for make
# test, build-asan/ for make asan (the runner exports DECARB).
cd "$(dirname "$0")/.." || exit 2
dir=$(dirname "${DECARB:-./decarb}")
bin=build/decarb-fault
case $dir in */build-asan) bin=build-asan/decarb-fault;; esac
[ -x "$bin" ] || { echo "fault: $bin is missing (make test builds it)"; exit 1; }
FAULT_KNOWN=1 FAULT_SAMPLE=${FAULT_SAMPLE:-40} FAULT_BUDGET=${FAULT_BUDGET:-50} sh tests/fuzz/fault_sweep.sh "$bin"
