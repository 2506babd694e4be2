#!/bin/bash
# A/B of two golive binaries on the bench corpus (python3 bench/gen_corpus.py bench/corpus ...):
# alternate runs, an I/O floor (find | xargs cat) first in each round; prints the best of N each.
# Usage: bench/ab.sh BINARY_A BINARY_B [ROUNDS]
A=$1; B=$2; N=${3:-5}
find bench/corpus -type f -print0 | xargs -0 cat > /dev/null
ba=999; bb=999; bf=999
for i in $(seq $N); do
  s=$(date +%s.%N); find bench/corpus -type f -print0 | xargs -0 cat > /dev/null; e=$(date +%s.%N); t=$(echo "$e - $s" | bc); bf=$(echo "if ($t < $bf) $t else $bf" | bc)
  s=$(date +%s.%N); $A scan bench/corpus --format json --fail-on never > /dev/null; e=$(date +%s.%N); t=$(echo "$e - $s" | bc); ba=$(echo "if ($t < $ba) $t else $ba" | bc)
  s=$(date +%s.%N); $B scan bench/corpus --format json --fail-on never > /dev/null; e=$(date +%s.%N); t=$(echo "$e - $s" | bc); bb=$(echo "if ($t < $bb) $t else $bb" | bc)
done
echo "floor $bf  A($A) $ba  B($B) $bb"
