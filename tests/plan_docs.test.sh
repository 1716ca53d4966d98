#!/bin/sh
# plan_docs.test.sh — every code block of the plan docs (docs/plan.md,
# docs/targets.md, docs/report-format.md) runs as a test, so they cannot
# drift from the program (tests/docs/doctest.py says how blocks are read).
exec python3 tests/docs/doctest.py "${DECARB:-./decarb}" docs/plan.md docs/targets.md docs/report-format.md
