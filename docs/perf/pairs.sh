#!/bin/sh
# pairs.sh N SIZE OLD NEW: N adjacent runs of two builds of netsim's benchmark at one size
# (1k, 10k or 100k connections), OLD's and NEW's one after the other, the order swapped
# from pair to pair; prints each pair's ratio NEW/OLD of events per CPU-second, sorted,
# and their median. OLD and NEW are test binaries: `go test -c -o old.test ./netsim` in
# each tree. On a shared machine the rate of one binary wanders by 10 % and more within
# minutes; two runs a few seconds apart share most of it, so the ratios of pairs wander
# less than the rates, and their median says which build is faster when the spread of
# either alone does not. docs/performance.md says how to read it.
set -e
[ $# = 4 ] || { echo "usage: pairs.sh N SIZE OLD NEW" >&2; exit 2; }
n=$1; size=$2; old=$3; new=$4
case $n in '' | *[!0-9]*) echo "pairs.sh: N: a count of pairs, not $n" >&2; exit 2 ;; esac
case $size in 1k | 10k | 100k) ;; *) echo "pairs.sh: SIZE: 1k, 10k or 100k, not $size" >&2; exit 2 ;; esac
for b in "$old" "$new"; do
	[ -f "$b" ] && [ -x "$b" ] || { echo "pairs.sh: $b: not an executable file" >&2; exit 2; }
done
rate() {
	"$1" -test.run '^$' -test.bench "^BenchmarkNetsimHeartbeats\$/^conns=$size\$" -test.benchtime 3x 2>&1 |
		awk '/^Benchmark/ { for (i = 1; i < NF; i++) if ($(i+1) == "events/cpu-s") print $i }'
}
i=0
while [ $i -lt "$n" ]; do
	i=$((i + 1))
	if [ $((i % 2)) = 0 ]; then a=$(rate "$old"); b=$(rate "$new"); else b=$(rate "$new"); a=$(rate "$old"); fi
	echo "$a $b"
done | awk '{ printf "%.4f %s %s\n", $2 / $1, $1, $2 }' | sort -n |
	awk '{ r[NR] = $1; print } END { printf "median %.4f (%d pairs: NEW/OLD, old and new events/cpu-s)\n", (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), NR }'
