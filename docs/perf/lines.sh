#!/bin/sh
# lines.sh [CLIENTS [WINDOW]]: instructions and cache lines a ping of the whole stack
# (BenchmarkRunPingpong, CLIENTS 1k or 10k, WINDOW of simulated time, 10k and 10s by
# default), counted by callgrind with a 1 MB last-level cache: Ir, D1mr (lines missed in
# the L1), LLmr (lines a ping reads from beyond the L2) and LLmw (lines whose first touch
# is a write that misses them: fetched too), each per ping. Run from anywhere in the
# repository; docs/performance.md says how to read it.
#
# With FETCHED=1 the prefetches of netsim/prefetch_amd64.s become one-byte loads in a
# scratch copy of the tree, so that the cache simulation sees them: LLmr is then every
# line a ping fetches from beyond the L2, asked for ahead or not (the memory traffic),
# and "missed outside the prefetches" is what a step still waits for.
set -e
n=${1:-10k}; w=${2:-10s}
case $n in 1k) c=1000 ;; 10k) c=10000 ;; *) echo "lines.sh: clients: 1k or 10k, not $n" >&2; exit 2 ;; esac
case $w in *s) s=${w%s} ;; *) echo "lines.sh: window: whole seconds such as 10s, not $w" >&2; exit 2 ;; esac
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$root
if [ "${FETCHED:-0}" = 1 ]; then
	src=$tmp/src
	mkdir "$src"
	(cd "$root" && tar --exclude=.git -cf - .) | (cd "$src" && tar -xf -)
	# PREFETCHT0 X  →  CMPQ R, $4096; JCS 2(PC); MOVB X, R11: a load, skipped for nil.
	# In a macro, the lines it becomes go on with a backslash but the last, as its did.
	awk '{
		cont = ($0 ~ /\\[ \t]*$/)
		if (match($0, /^[ \t]*PREFETCHT0[ \t]+[^ \t\\]+/)) {
			ind = $0; sub(/PREFETCHT0.*/, "", ind)
			arg = $0; sub(/^[ \t]*PREFETCHT0[ \t]+/, "", arg); sub(/[ \t]*\\?[ \t]*$/, "", arg)
			t = cont ? " \\" : ""
			m = (cont || inmacro) ? " \\" : ""
			reg = arg; sub(/.*\(/, "", reg); sub(/\).*/, "", reg)
			print ind "CMPQ " reg ", $4096" m; print ind "JCS 2(PC)" m; print ind "MOVB " arg ", R11" t
		} else print
		inmacro = cont
	}' "$root/netsim/prefetch_amd64.s" >"$src/netsim/prefetch_amd64.s"
fi
(cd "$src/scenarios" && go test -c -o "$tmp/sc.test" .)
GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off valgrind --tool=callgrind --cache-sim=yes \
	--I1=65536,8,64 --D1=32768,8,64 --LL=1048576,8,64 --callgrind-out-file="$tmp/cg" \
	--toggle-collect='*runWindow' "$tmp/sc.test" -test.run '^$' \
	-test.bench "RunPingpong/clients=$n\$" -test.benchtime 1x -bench.window "$w" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; exit 1; }
pings=$((c * s))
callgrind_annotate --auto=no --show-percs=no "$tmp/cg" | awk -v p=$pings '/PROGRAM TOTALS/ {
	for (i = 1; i <= NF; i++) gsub(",", "", $i)
	printf "Ir %.0f  D1mr %.2f  LLmr %.2f  LLmw %.2f  (a ping, %d pings)\n", $1/p, $5/p, $8/p, $9/p, p }'
if [ "${FETCHED:-0}" = 1 ]; then
	callgrind_annotate --auto=no --show-percs=no --threshold=100 "$tmp/cg" | sed -n '/file:function/,$p' | grep -v prefetch_amd64 |
		awk -v p=$pings '{ gsub(",", "", $8); m += $8 } END { printf "missed outside the prefetches: %.2f lines a ping\n", m/p }'
fi
[ -z "$KEEP" ] || cp "$tmp/cg" "$KEEP"
