#!/bin/sh
# chart_pictures.sh DECARB DIR — draws the pictures of README.md with decarb
# itself into DIR: `make pictures` writes them to docs/img/, and
# tests/chart_report.test.sh draws them again and fails when docs/img/ is
# not current.
set -e
"$1" chart --wedges --output "$2/changzhi-wedges.svg" examples/changzhi.lua
"$1" chart --target "New-energy taxis >= 35 % of taxis by 2025" --output "$2/zhangye-taxis.svg" examples/zhangye.lua
