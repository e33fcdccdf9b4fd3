#!/usr/bin/env bash
# The interface, used as a person uses it: build the real binary; at 80×24
# and at 200×60 open the picker, open the first lesson, run it to its end,
# read the verdict (every expectation ✔), go back to the picker with esc
# and quit. Then open `socklab play power-loss-heartbeat` in tmux at
# 120×40, press keys (pause, step, speed, jump, focus, zoom, fault, edit,
# help, restart, quit), capture the screen after each and check what must
# be on it; filter the picker and open a lesson from it; then once at 60×20
# (and shrunk to 44×12), where nothing may crash.
# Then a recording from `socklab run --record`: `socklab replay` seeks
# forward, back, by marker and to a typed time, branches (v) and records the
# branch; and once more at 60×20.
# Exits non-zero on the first failure, printing the screen it saw.
#
# Run from anywhere: .ci/ui-tmux.sh   (.ci/run runs it too)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null; then
  echo "== installing tmux"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq tmux >/dev/null ||
    { $sudo_ apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq tmux >/dev/null; }
fi

tmp=$(mktemp -d)
sock="socklab-ci-$$" # a tmux server of our own: the user's sessions are left alone
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/socklab" .
export TERM=${TERM:-xterm-256color}

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t lab; }

fail() {
  echo "FAIL: $1" >&2
  echo "---- the screen ----" >&2
  screen >&2 || true
  echo "---- stderr ----" >&2
  cat "$tmp/stderr" >&2 2>/dev/null || true
  exit 1
}

# expect STEP TEXT...: waits (up to 10 s) until every TEXT is on screen.
expect() {
  local step=$1; shift
  local deadline=$((SECONDS + 10)) out missing
  while :; do
    out=$(screen)
    missing=""
    for text in "$@"; do
      grep -qF -- "$text" <<<"$out" || { missing=$text; break; }
    done
    [ -z "$missing" ] && { echo "ok   $step"; return 0; }
    [ $SECONDS -ge $deadline ] && fail "$step: \"$missing\" is not on the screen"
    sleep 0.2
  done
}

# expect_not STEP TEXT: waits until TEXT is gone from the screen.
expect_not() {
  local step=$1 text=$2 deadline=$((SECONDS + 10))
  while grep -qF -- "$text" <<<"$(screen)"; do
    [ $SECONDS -ge $deadline ] && fail "$step: \"$text\" is still on the screen"
    sleep 0.2
  done
  echo "ok   $step"
}

keys() { t send-keys -t lab "$@"; }

# press_until STEP KEY N TEXT...: presses KEY up to N times, until every
# TEXT is on screen (the jump key stops at each change; how many changes
# come first is the simulation's business, not the script's).
press_until() {
  local step=$1 key=$2 n=$3; shift 3
  local i text ok
  for ((i = 0; i < n; i++)); do
    keys "$key"
    sleep 0.3
    ok=1
    for text in "$@"; do grep -qF -- "$text" <<<"$(screen)" || ok=0; done
    [ $ok = 1 ] && { echo "ok   $step"; return 0; }
  done
  expect "$step" "$@"
}

# hotkey LABEL: the key an open menu shows before LABEL ("3  power off client").
hotkey() {
  screen | sed -n "s/.*\([0-9a-z]\)  $1 .*/\1/p" | head -n1
}

# start W H ARGS...: runs socklab ARGS in a fresh W×H window.
start() {
  local w=$1 h=$2; shift 2
  t kill-server 2>/dev/null || true
  rm -f "$tmp/exit" "$tmp/stderr"
  # The killed server may still be going away ("server exited
  # unexpectedly"): try again until a new one holds the session.
  local tries=0
  until t new-session -d -s lab -x "$w" -y "$h" \
    "cd $tmp && $tmp/socklab $* 2>$tmp/stderr; echo \$? >$tmp/exit; sleep 600"; do
    tries=$((tries + 1))
    [ $tries -lt 20 ] || { echo "FAIL: tmux would not start a session" >&2; exit 1; }
    sleep 0.2
  done
}

# finish STEP: quits with q and checks socklab exited 0 without a panic.
finish() {
  keys q
  local deadline=$((SECONDS + 10))
  while [ ! -s "$tmp/exit" ]; do
    [ $SECONDS -ge $deadline ] && fail "$1: q did not quit"
    sleep 0.2
  done
  [ "$(cat "$tmp/exit")" = 0 ] || fail "$1: socklab exited with $(cat "$tmp/exit")"
  if grep -q "panic" "$tmp/stderr"; then fail "$1: socklab panicked"; fi
  echo "ok   $1"
}

for size in "80 24" "200 60"; do
  echo "== the picker, a lesson to its end, the verdict, back at ${size/ /×}"
  start $size
  expect "the picker lists the lessons in teaching order, and the first one's text" \
    "socklab · lessons" " 1 handshake" " 2 connect-fail" "Lesson 1: handshake"
  keys Enter
  expect "enter opens the lesson" "socklab · handshake" "❚❚ paused ×1" "/ 00:10"
  keys + + + + + + Space
  expect "it runs to the end and shows the verdict" "The end: handshake at 00:10" "9 of 9 expectations hold" "esc back to the lessons"
  grep -qF "✘" <<<"$(screen)" && fail "an expectation of the handshake failed"
  echo "ok   every expectation holds"
  keys Escape
  expect "esc goes back to the picker, the lesson selected" "socklab · lessons" "Lesson 1: handshake"
  finish "q quits from the picker"
done

echo "== socklab play power-loss-heartbeat at 120×40"
start 120 40 play power-loss-heartbeat
expect "opens paused, with the lesson" "socklab · power-loss-heartbeat" "❚❚ paused ×1" "seed 1" \
  "what is happening" "A power cut sends nothing" "space run" "? help" "q quit"

keys n
expect "n steps to the first event: the client's SYN" "[SYN]" "SYN_SENT"

press_until "j jumps from change to change: the handshake completes" j 5 "[SYN|ACK]" "alive · heard"

keys f
expect "f opens the fault menu" "Fault — do it now" "power off client" "pull the cable client-server"
k=$(hotkey "power off client")
[ -n "$k" ] || fail "no hotkey before \"power off client\""
keys "$k"
expect "the hotkey cuts the client's power" "client lost power" "power off" "done: power off client"
expect_not "the menu closes" "Fault — do it now"

press_until "j jumps to the server's detection and its narration" j 5 \
  "is gone: silent for 45s ≥ heartbeat.expect 45s" "dead: no heartbeat"

keys + + +
expect "+ speeds up (×1 → ×10)" "❚❚ paused ×10"
keys -
expect "- slows down (×10 → ×5)" "❚❚ paused ×5"

keys Space
expect "space runs" "▶ running ×5"
keys Space
expect "space pauses" "❚❚ paused ×5"

keys e
expect "e opens the parameter editor" "Parameters — change one live" "client heartbeat.interval = 10s"
k=$(hotkey "client heartbeat.interval")
[ -n "$k" ] || fail "no hotkey before \"client heartbeat.interval\""
keys "$k"
expect "choosing a parameter asks for its value" "new value of apps.client.heartbeat.interval:"
keys C-u "soon" Enter
expect "a bad value is refused, with why" "not a duration"
keys C-u "3s" Enter
expect "a good value is applied" "= apps.client.heartbeat.interval = 3s" "apps.client.heartbeat.interval is now 3s"

keys "?"
expect "? shows the full help" "Keys" "Reading the wire" "jump" "restart"
keys "?"
expect_not "? closes it" "Reading the wire"

keys r
expect "r restarts the lab, as the scenario wrote it, and says what it dropped" "t 00:00.000" "restarted: 2 live changes dropped"
keys j j j j
# The 10 s interval again (not the 3 s set before the restart): 9.99 s
# left at 0.030, rounded up as a countdown is (ui/format.Left).
expect "the restarted lab has the scenario's parameters" "client: next ping" "10.0s"

keys Tab
expect "tab moves the focus: the narration's border is heavy" "┣ what is happening ━"
keys z
expect "z zooms the focused pane to the whole screen" "what is happening · zoomed · z returns" "A power cut sends nothing"
keys z
expect_not "z again returns" "zoomed · z returns"

keys Space + + + + + + +
# At ×1000 the three-minute lesson takes 0.18 s of wall time and then
# pauses at its end with the verdict: the speed is on the status line
# either way ("▶ running ×1000" or "❚❚ paused ×1000").
expect "it runs fast (×5 → ×1000)" "×1000 · seed"
sleep 1
expect "the clock has moved" "ping #"
finish "q quits"

echo "== socklab (the picker) at 100×30"
start 100 30
expect "the picker lists the lessons, and what the first teaches" "socklab · lessons" "handshake" \
  "connect-fail" "Lesson 1: handshake"
keys /
sleep 0.3
keys "firewall-idle-drop"
expect "/ filters" "Filter: firewall-idle-drop"
keys Enter
sleep 0.3
keys Enter
expect "enter opens the lab" "socklab · firewall-idle-drop" "◆ fw"
finish "q quits from the lab"

echo "== socklab play power-loss-heartbeat at 60×20"
start 60 20 play power-loss-heartbeat
expect "opens at 60×20" "power-loss-heartbeat" "wire" "❚❚ paused"
keys Space + + + + + + + + + + + + + +
sleep 1
keys f
expect "the fault menu at 60×20" "Fault — do it now" "crash server"
# An Escape followed at once by a key reads as Alt+key: let it arrive alone.
keys Escape
sleep 0.3
keys e
expect "the editor at 60×20" "Parameters"
keys Escape
sleep 0.3
keys "?"
expect "the help at 60×20" "Keys"
keys "?" j j n
t resize-window -t lab -x 44 -y 12
sleep 0.5
expect "shrunk to 44×12" "power-loss-heartbeat" "wire"
t resize-window -t lab -x 30 -y 6
sleep 0.5
expect "shrunk below the minimum: a note" "socklab needs"
t resize-window -t lab -x 60 -y 20
expect "grown back" "what is happening"
[ ! -s "$tmp/exit" ] || fail "socklab exited early at 60×20"
finish "q quits at 60×20"

echo "== socklab replay (a recording of socklab run power-loss-heartbeat) at 100×30"
"$tmp/socklab" run power-loss-heartbeat --record "$tmp/plh.json" --quiet >/dev/null
start 100 30 replay "$tmp/plh.json"
expect "opens paused at 0, the timeline with its markers" "socklab · power-loss-heartbeat" "❚❚ paused" \
  "replay 00:00 ●" "✖" "!" "03:00 · no live inputs" "v branch"
keys .
expect ". seeks forward a sixtieth" "t 00:03.000" "replay 00:03 ━"
keys ">"
expect "> goes to the next marker: the power cut" "t 01:05.000" "client lost power"
keys ">"
expect "> again: the server's detection" "t 01:45.030" "is gone: silent for 45s ≥ heartbeat.expect 45s"
keys ,
expect ", seeks back, re-simulating" "t 01:42.030" "client lost power"
keys "<"
expect "< goes back to the power cut" "t 01:05.000"
keys g
expect "g asks for a time" "go to >"
keys "30s" Enter
expect "to the time typed" "t 00:30.000" "replay 00:30 ━" "ping #"
keys f
expect "f is off while replaying, and says why" "until v branches"
keys v
expect "v branches: the lab is live" "branched at 00:30.000"
expect_not "the timeline is gone" "replay 00:30"
keys f
expect "f works in the branch" "Fault — do it now"
keys Escape
sleep 0.3
keys w
expect "w records the branch" "wrote power-loss-heartbeat.recording.json"
[ -s "$tmp/power-loss-heartbeat.recording.json" ] || fail "w wrote no file"
finish "q quits the replay"

echo "== socklab replay at 60×20"
start 60 20 replay "$tmp/power-loss-heartbeat.recording.json"
expect "opens at 60×20 with the timeline" "replay 00:00 ●" "00:30"
keys . . . ">" Space + + + + + +
sleep 1
keys "<" ,
expect "seeks at 60×20" "replay 00:"
t resize-window -t lab -x 44 -y 12
sleep 0.5
expect "shrunk to 44×12" "replay" "wire"
t resize-window -t lab -x 60 -y 20
expect "grown back" "what is happening"
[ ! -s "$tmp/exit" ] || fail "socklab exited early in the replay at 60×20"
finish "q quits the replay at 60×20"

echo "the interface passed."
