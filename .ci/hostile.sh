#!/usr/bin/env bash
# CI: the hostile corpus through the real binary, under the limits a
# classroom machine has. Every command line of testdata/hostile/cases.txt
# runs with at most 2 GB of address space (ulimit -v 2000000) and 5 seconds,
# standard input from /dev/null (no terminal); each must exit 2 with exactly
# the one line on standard error that the file gives, nothing on standard
# output, and no panic, goroutine dump or fatal error. Run from anywhere:
# .ci/hostile.sh [socklab binary]
set -uo pipefail
cd "$(dirname "$0")/.."

bin=${1:-}
if [ -z "$bin" ]; then
  bin=$(mktemp -d)/socklab
  go build -o "$bin" . || exit 1
fi
# The "not a file" cases read $FIFO, a named pipe with no writer, in a
# directory of this run's own (as the output files are): a TestHostile or
# another hostile.sh running in the same tree meanwhile makes its own, and
# none can remove another's. Standard error names it $FIFO in the file.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export FIFO=$out/fifo
mkfifo "$FIFO" || exit 1

export SOCKLAB=$bin
export LC_CTYPE=C.UTF-8 # for bash to read $'\u202e' in a case as the character it names
cases=0 failed=0 slowest=0 slowest_cmd=""

# check runs one case: the command line, and the line standard error must
# be ("" when the file gives none, which fails).
check() {
  local cmd=$1 want=$2 code ms start problem=""
  cases=$((cases + 1))
  start=$(date +%s%N)
  (
    ulimit -v 2000000
    exec timeout 5 bash -c "exec \"\$SOCKLAB\"${cmd#socklab}"
  ) </dev/null >"$out/stdout" 2>"$out/stderr"
  code=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$ms" -gt "$slowest" ]; then slowest=$ms slowest_cmd=$cmd; fi
  if [ "$code" = 124 ]; then problem="timed out after 5 s"
  elif [ "$code" != 2 ]; then problem="exit $code"
  elif grep -qE 'panic|goroutine [0-9]|fatal error' "$out/stderr"; then problem="a panic or a fatal error"
  elif [ -s "$out/stdout" ]; then problem="output on standard output"
  elif [ "$(wc -l <"$out/stderr")" != 1 ]; then problem="$(wc -l <"$out/stderr") lines on standard error"
  elif got=$(cat "$out/stderr"); [ "${got//"$FIFO"/'$FIFO'}" != "$want" ]; then problem="a message other than the file's"
  fi
  if [ -n "$problem" ]; then
    failed=$((failed + 1))
    echo "FAIL ($problem, ${ms} ms): $cmd"
    head -c 600 "$out/stderr" | sed 's/^/  stderr: /'
  fi
}

cmd="" want=""
while IFS= read -r line; do
  case "$line" in
    "socklab"|"socklab "*)
      [ -z "$cmd" ] || check "$cmd" "$want"
      cmd=$line want="" ;;
    "stderr: "*) want=${line#stderr: } ;;
  esac
done < "${SOCKLAB_CASES:-testdata/hostile/cases.txt}"
[ -z "$cmd" ] || check "$cmd" "$want"
echo "$cases hostile inputs, $failed failed; the slowest took ${slowest} ms: $slowest_cmd"
[ "$failed" = 0 ] && [ "$cases" -ge 150 ]
