#!/bin/sh
# docs.test.sh — every code block of the tutorial, the reference and the
# README runs as a test (tests/docs/doctest.py says how blocks are read).
exec python3 tests/docs/doctest.py ./decarb README.md docs/tutorial.md docs/reference.md docs/scale.md
