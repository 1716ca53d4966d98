#!/bin/sh
# fuzz_script.test.sh — 30 s of the whole-script fuzz target (make fuzz runs
# it for 10^6 executions). Builds it incrementally with clang (DEB_TEST).
cd "$(dirname "$0")/.." || exit 2
nice make --no-print-directory fuzz-bin > /dev/null || exit 1
sh tests/fuzz/script.sh 0 "${FUZZ_SHORT_TIME:-30}"
