#!/usr/bin/env bash
# Writes the seed inputs for one fuzz target into a folder, from the shared corpus of real readouts
# (read at run time, never copied into the repository) and a few small synthetic texts.
#
#   tests/fuzz/seeds.sh TARGET CORPUS_DIR OUT_DIR      TARGET: segment, compare, stages, track or gold
#
# segment: each readout as it is, one as CRLF with a byte order mark, and the synthetic texts.
# compare, stages: pairs "A 0xFF B" (see fuzz_compare.cpp) of readouts of the same meeting and of
# neighbours in date order, each side cut at a line end to stay under 4000 bytes so a pair fits
# -max_len=8192; for compare also a pair under each option set (0xFD k) and raw options (0xFE).
# track: a window byte, then the WMCC and Corps Commander series and runs of neighbours in date
# order, each readout cut at a line end to stay under 1500 bytes, separated by 0xFF (see
# fuzz_track.cpp); and the synthetic texts as one series.
# gold: the gold files beside the corpus (../gold/*.json, each under 16 KB) as they are.
set -euo pipefail
export LC_ALL=C
target=${1:?target}
corpus=${2:?corpus folder}
out=${3:?output folder}
mkdir -p "$out"
shopt -s nullglob
files=("$corpus"/*.txt)
[ ${#files[@]} -gt 0 ] || { echo "seeds.sh: no readouts in $corpus" >&2; exit 1; }

n=0
seed=""
next_seed() { n=$((n + 1)); seed="$out/seed-$(printf '%03d' "$n")"; }
# The first lines of a file, at most $2 bytes in all.
head_lines() { awk -v max="$2" '{ n += length($0) + 1; if (n > max) exit; print }' "$1"; }

# Small synthetic readouts (printf formats): list numbers, initials, BOM and CRLF, Hindi with
# danda and Devanagari digits, mixed scripts and right-to-left text, combining marks, markup.
synthetic=(
  'India and China agreed to continue talks. The two sides will meet again.\n'
  '\xEF\xBB\xBFJoint Statement\r\n\r\nThe Ministers met in Moscow on 10 September 2020.\r\n1. The two sides agreed.\r\n'
  'H.E. Dr. S. Jaishankar met Mr. Wang Yi. relations.2. The two Ministers agreed that 3.5 percent...\n\nEnd'
  '\xE0\xA4\xA6\xE0\xA5\x8B\xE0\xA4\xA8\xE0\xA5\x8B\xE0\xA4\x82 \xE0\xA4\xAA\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7 \xE0\xA4\xB8\xE0\xA4\xB9\xE0\xA4\xAE\xE0\xA4\xA4 \xE0\xA4\xB9\xE0\xA5\x81\xE0\xA4\x8F\xE0\xA5\xA4 \xE0\xA4\x8F\xE0\xA4\xB8.\xE0\xA4\x9C\xE0\xA4\xAF\xE0\xA4\xB6\xE0\xA4\x82\xE0\xA4\x95\xE0\xA4\xB0 \xE0\xA5\xA8\xE0\xA5\xA6\xE0\xA5\xA8\xE0\xA5\xA6\xE0\xA5\xA5\n'
  'Mixed: India \xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4 \xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82 \xD8\xA7\xD8\xB1\xD8\xAF\xD9\x88\xDB\x94 \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D. 12 34. !!! ???\n'
  'a\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85\xCC\x86\xCC\x87 <script>alert(1)</script> <b>bold</b>\xC2\xA0\xE3\x80\x80\xE2\x80\xA8next\xE2\x80\xA9 \xEF\xBB\xBF\n'
)

case "$target" in
  segment)
    for f in "${files[@]}"; do next_seed; cp "$f" "$seed"; done
    next_seed; { printf '\xEF\xBB\xBF'; sed 's/$/\r/' "${files[0]}"; } >"$seed"
    for format in "${synthetic[@]}"; do next_seed; printf '%b' "$format" >"$seed"; done
    ;;
  compare | stages)
    pair() { next_seed; { head_lines "$1" 3900; printf '\xFF'; head_lines "$2" 3900; } >"$seed"; }
    for ((i = 0; i < ${#files[@]}; i++)); do
      for ((j = i + 1; j < ${#files[@]}; j++)); do
        a=$(basename "${files[i]}"); b=$(basename "${files[j]}")
        # the same meeting (same date), or neighbours in date order
        if [ "${a:0:10}" = "${b:0:10}" ] || [ $j -eq $((i + 1)) ]; then pair "${files[i]}" "${files[j]}"; fi
      done
    done
    for ((k = 0; k + 1 < ${#synthetic[@]}; k += 2)); do
      next_seed; printf '%b\xFF%b' "${synthetic[k]}" "${synthetic[k + 1]}" >"$seed"
    done
    if [ "$target" = compare ]; then
      for k in 1 2 3 4 6 9 11; do
        next_seed
        { printf '\xFD'; printf '%b' "\\x$(printf '%02X' "$k")"; head_lines "${files[0]}" 1500; printf '\xFF'; head_lines "${files[1]}" 1500; } >"$seed"
      done
      next_seed
      { printf '\xFE{"partner_ratio":0.5,"min_link_score":0.1}\xFE'; head_lines "${files[0]}" 1500; printf '\xFF'; head_lines "${files[1]}" 1500; } >"$seed"
    else
      for k in 1 2 3 4; do
        next_seed
        { printf '\xFD'; printf '%b' "\\x$(printf '%02X' "$k")"; head_lines "${files[0]}" 1500; printf '\xFF'; head_lines "${files[1]}" 1500; } >"$seed"
      done
    fi
    ;;
  track)
    # A window byte (the target's window is 1 + byte % 4), then the readouts separated by 0xFF.
    series() {
      next_seed
      { printf '%b' "\\x$1"; shift; local first=1
        for f in "$@"; do [ $first -eq 1 ] || printf '\xFF'; first=0; head_lines "$f" 1500; done; } >"$seed"
    }
    wmcc=("$corpus"/*wmcc*.txt); corps=("$corpus"/*corps*.txt)
    [ ${#wmcc[@]} -lt 2 ] || series 02 "${wmcc[@]:0:5}"
    [ ${#corps[@]} -lt 2 ] || series 00 "${corps[@]}"
    for ((i = 0; i + 3 < ${#files[@]}; i += 3)); do series "0$((i % 4))" "${files[@]:i:4}"; done
    next_seed
    { printf '\x01'; for ((k = 0; k < ${#synthetic[@]}; k++)); do [ $k -eq 0 ] || printf '\xFF'; printf '%b' "${synthetic[k]}"; done; } >"$seed"
    ;;
  gold)
    for f in "$corpus"/../gold/*.json; do next_seed; cp "$f" "$seed"; done
    ;;
  *) echo "seeds.sh: unknown target $target" >&2; exit 2 ;;
esac
echo "$n"
