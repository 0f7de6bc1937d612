#!/usr/bin/env bash
# Draws the Registre application icon (1024x1024) with ImageMagick:
# an open register on a navy rounded square, a tricolour bookmark ribbon
# in the gutter and a gold seal on the right-hand page.
#
# Regenerate every platform size afterwards with:
#   npx --yes @tauri-apps/cli@2.12.5 icon icons/source/registre-1024.png -o icons
set -euo pipefail
cd "$(dirname "$0")"

out="${1:-registre-1024.png}"

convert -size 1024x1024 xc:none \
  `# background: navy rounded square` \
  -fill '#22427a' -draw 'roundrectangle 48,48 976,976 190,190' \
  `# leather cover behind the pages` \
  -fill '#7a1f2b' -stroke '#5a141e' -strokewidth 6 \
  -draw "path 'M 512,350 C 410,300 250,292 126,322 L 126,792 C 250,762 410,770 512,822 C 614,770 774,762 898,792 L 898,322 C 774,292 614,300 512,350 Z'" \
  `# pages` \
  -fill '#fbf6e9' -stroke '#d9cdb0' -strokewidth 4 \
  -draw "path 'M 508,318 C 412,266 276,258 160,286 L 160,750 C 276,722 412,730 508,782 Z'" \
  -draw "path 'M 516,318 C 612,266 748,258 864,286 L 864,750 C 748,722 612,730 516,782 Z'" \
  `# register lines, left page` \
  -fill none -stroke '#9fb3cf' -strokewidth 7 \
  -draw 'line 280,380 470,380' \
  -draw 'line 280,440 470,440' \
  -draw 'line 280,500 470,500' \
  -draw 'line 280,560 470,560' \
  -draw 'line 280,620 470,620' \
  -draw 'line 280,680 420,680' \
  `# red margin line, left page` \
  -stroke '#d9534f' -strokewidth 5 -draw 'line 250,318 250,712' \
  `# register lines, right page` \
  -stroke '#9fb3cf' -strokewidth 7 \
  -draw 'line 580,380 824,380' \
  -draw 'line 580,440 824,440' \
  -draw 'line 580,500 824,500' \
  -draw 'line 580,560 700,560' \
  `# gutter shadow` \
  -stroke '#c9bc9c' -strokewidth 6 -draw 'line 512,330 512,790' \
  `# tricolour ribbon (bleu / blanc / rouge) with a V notch` \
  -stroke none \
  -fill '#1d4fb8' -draw 'polygon 476,300 500,300 500,912 476,940' \
  -fill '#ffffff' -draw 'polygon 500,300 524,300 524,912 512,898 500,912' \
  -fill '#e1323c' -draw 'polygon 524,300 548,300 548,940 524,912' \
  -fill none -stroke '#0f2347' -strokewidth 3 \
  -draw 'polygon 476,300 548,300 548,940 512,898 476,940' \
  `# gold seal on the right page` \
  -stroke '#9a6f14' -strokewidth 6 -fill '#d9a82e' -draw 'circle 742,652 742,574' \
  -stroke '#fbe7a8' -strokewidth 5 -fill none -draw 'circle 742,652 742,594' \
  -stroke none -fill '#9a6f14' \
  -draw 'polygon 742,606 755,638 789,640 762,661 772,694 742,675 712,694 722,661 695,640 729,638' \
  -depth 8 "PNG32:$out"

echo "wrote $(pwd)/$out"
