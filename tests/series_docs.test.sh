#!/bin/sh
# series_docs.test.sh — every block of docs/series.md and docs/data-sources.md
# runs (tests/docs/doctest.py: `print(...) --> text` lines must print text),
# so the series and reference-data docs cannot drift from the program.
exec python3 tests/docs/doctest.py ./decarb docs/series.md docs/data-sources.md
