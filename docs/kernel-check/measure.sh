#!/usr/bin/env bash
# Measure real Linux TCP timer behaviour in network namespaces, for socklab.
#
#   sudo bash docs/kernel-check/measure.sh [OUTDIR]      (default OUTDIR: ./out beside this script)
#
# Every experiment gets its own pair of namespaces skl-<name>-a (client, where
# tcpdump runs and the sysctls under test are set) and skl-<name>-b (peer),
# joined by a veth pair 10.77.<idx>.1 <-> 10.77.<idx>.2, no qdisc (this kernel
# has no sch_netem; set DELAY=1ms to add netem delay where it exists).
# "Peer unreachable" = `iptables -A INPUT -j DROP` in the peer namespace: the
# client's packets still cross the veth (and are captured on the client side)
# but the peer's kernel never sees them, so it never answers.
# The experiments run in parallel; wall time is ~2.5 min (the two default
# SYN-retry runs take ~130 s).  Set SKIP_LONG_SYN=1 to skip those two.
# Afterwards analyze.py turns OUTDIR/*.txt + *.events into OUTDIR/summary.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/out}
PROBE=(python3 -u "$HERE/probe.py")
PFX=skl
DELAY=${DELAY:-}
SKIP_LONG_SYN=${SKIP_LONG_SYN:-0}

[ "$(id -u)" = 0 ] || { echo "measure.sh: needs root" >&2; exit 1; }
missing=()
for t in ip tcpdump iptables nsenter ss nstat python3; do
  command -v "$t" >/dev/null || missing+=("$t")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing iproute2 tcpdump iptables util-linux (missing: ${missing[*]})" >&2
  apt-get update -qq && apt-get install -y -qq iproute2 tcpdump iptables util-linux >/dev/null
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.pcap "$OUT"/*.txt "$OUT"/*.events "$OUT"/*.log "$OUT"/.pids "$OUT"/.netns
: > "$OUT/.pids"; : > "$OUT/.netns"

cleanup() {
  set +e
  # only processes this script started, by pid
  while read -r p; do kill "$p" 2>/dev/null; done < "$OUT/.pids"
  sleep 0.5
  while read -r ns; do ip netns del "$ns" 2>/dev/null; done < "$OUT/.netns"
  rm -f "$OUT/.pids" "$OUT/.netns"
}
trap cleanup EXIT

# ------------------------------------------------------------------ helpers
mkpair() {  # mkpair NAME IDX  -> namespaces skl-NAME-a/b, veth NAME-a/NAME-b
  local n=$1 i=$2 A=$PFX-$1-a B=$PFX-$1-b
  ip netns add "$A"; echo "$A" >> "$OUT/.netns"
  ip netns add "$B"; echo "$B" >> "$OUT/.netns"
  ip link add "$n-a" netns "$A" type veth peer name "$n-b" netns "$B"
  ip -n "$A" addr add "10.77.$i.1/24" dev "$n-a"
  ip -n "$B" addr add "10.77.$i.2/24" dev "$n-b"
  for ns in "$A" "$B"; do ip -n "$ns" link set lo up; done
  ip -n "$A" link set "$n-a" up
  ip -n "$B" link set "$n-b" up
  if [ -n "$DELAY" ]; then
    tc -n "$A" qdisc add dev "$n-a" root netem delay "$DELAY"
    tc -n "$B" qdisc add dev "$n-b" root netem delay "$DELAY"
  fi
}

startcap() {  # startcap NAME : tcpdump on the client-side veth
  local n=$1
  ip netns exec "$PFX-$n-a" tcpdump -i "$n-a" -n -U --immediate-mode -w "$OUT/$n.pcap" tcp 2>"$OUT/$n.tcpdump.log" &
  echo $! > "$OUT/.cap-$n"; echo $! >> "$OUT/.pids"
  for _ in $(seq 50); do grep -q "listening on" "$OUT/$n.tcpdump.log" 2>/dev/null && break; sleep 0.1; done
  sleep 0.2
}

stopcap() {
  local n=$1 p; p=$(cat "$OUT/.cap-$n"); rm -f "$OUT/.cap-$n"
  sleep 1; kill -INT "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true
  tcpdump -r "$OUT/$n.pcap" -n -tt -S 2>/dev/null > "$OUT/$n.txt"
}

startserver() {  # startserver NAME ARGS...
  local n=$1; shift
  ip netns exec "$PFX-$n-b" "${PROBE[@]}" serve "$@" > "$OUT/$n.server.log" 2>&1 &
  echo $! > "$OUT/.srv-$n"; echo $! >> "$OUT/.pids"
  for _ in $(seq 50); do grep -q listening "$OUT/$n.server.log" 2>/dev/null && break; sleep 0.1; done
}

stopserver() {
  local n=$1 p; p=$(cat "$OUT/.srv-$n"); rm -f "$OUT/.srv-$n"
  kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true
}

client() {  # client NAME CMD ARGS...  -> OUT/NAME.events
  local n=$1; shift
  ip netns exec "$PFX-$n-a" "${PROBE[@]}" "$@" >> "$OUT/$n.events" 2>&1
}

snap_sysctl() {  # the client namespace's values, after the experiment's changes
  local n=$1
  ip netns exec "$PFX-$n-a" sysctl net.ipv4.tcp_retries1 net.ipv4.tcp_retries2 \
    net.ipv4.tcp_syn_retries net.ipv4.tcp_synack_retries net.ipv4.tcp_syn_linear_timeouts \
    net.ipv4.tcp_rto_min_us net.ipv4.tcp_rto_max_ms net.ipv4.tcp_early_retrans \
    net.ipv4.tcp_keepalive_time net.ipv4.tcp_keepalive_intvl net.ipv4.tcp_keepalive_probes \
    net.ipv4.tcp_syncookies net.ipv4.tcp_abort_on_overflow net.ipv4.tcp_orphan_retries \
    net.ipv4.tcp_thin_linear_timeouts net.ipv4.tcp_congestion_control net.ipv4.tcp_pingpong_thresh > "$OUT/$n.sysctl" 2>&1 || true
}

drop_in_b() { ip netns exec "$PFX-$1-b" iptables -A INPUT -j DROP; }

# ------------------------------------------------------------- experiments
exp_keepalive() {  # 1: NAME IDX
  local n=$1 i=$2; mkpair $n "$i"; snap_sysctl $n; startcap $n; startserver $n --port 5000
  client $n keepalive --host "10.77.$i.2" --port 5000 --drop-ns $PFX-$n-b
  stopcap $n; stopserver $n
}

exp_retrans() {  # 2: NAME IDX RETRIES2 USER_TIMEOUT_MS
  local n=$1 i=$2; mkpair $n "$i"
  ip netns exec "$PFX-$n-a" sysctl -qw net.ipv4.tcp_retries2="$3"
  snap_sysctl $n; startcap $n; startserver $n --port 5000
  client $n retrans --host "10.77.$i.2" --port 5000 --drop-ns $PFX-$n-b --user-timeout "$4"
  stopcap $n; stopserver $n
}

exp_syn() {  # 3: NAME IDX LINEAR_TIMEOUTS SYN_RETRIES
  local n=$1 i=$2; mkpair $n "$i"
  if ip netns exec "$PFX-$n-a" sysctl -q net.ipv4.tcp_syn_linear_timeouts >/dev/null 2>&1; then
    ip netns exec "$PFX-$n-a" sysctl -qw net.ipv4.tcp_syn_linear_timeouts="$3"
  else
    echo "net.ipv4.tcp_syn_linear_timeouts absent" >> "$OUT/$n.events"
  fi
  ip netns exec "$PFX-$n-a" sysctl -qw net.ipv4.tcp_syn_retries="$4"
  snap_sysctl $n; drop_in_b $n; startcap $n
  client $n syn --host "10.77.$i.2" --port 5000
  stopcap $n
}

exp_closed() {  # 4
  local n=cp; mkpair $n 9; snap_sysctl $n; startcap $n
  client $n closed --host 10.77.9.2 --port 5999 --n 3
  stopcap $n
}

exp_dack() {  # 5
  local n=da; mkpair $n 10; snap_sysctl $n; startcap $n; startserver $n --port 5000
  client $n dack --host 10.77.10.2 --port 5000
  stopcap $n; stopserver $n
}

exp_backlog() {  # 6: NAME IDX GAP(seconds between the 5 connects)
  local n=$1 i=$2; mkpair $n "$i"; snap_sysctl $n
  ip netns exec "$PFX-$n-b" nstat -n >/dev/null 2>&1 || true   # reset nstat history
  startcap $n; startserver $n --port 5000 --backlog 2 --no-accept --hold 60
  # the client dumps `ss` of both namespaces and the server's nstat into $n.state.txt
  # while its 5 sockets are still open
  client $n backlog --host "10.77.$i.2" --port 5000 --n 5 --gap "$3" --watch 30 --drop-ns $PFX-$n-b \
    --state-file "$OUT/$n.state.txt"
  stopcap $n; stopserver $n
}

# ------------------------------------------------------------------- run
{
  echo "date: $(date -u +%FT%TZ)"
  echo "uname: $(uname -a)"
  echo "HZ: $(zcat /proc/config.gz 2>/dev/null | grep -E '^CONFIG_HZ=' || echo unknown)"
  echo "netem: $(zcat /proc/config.gz 2>/dev/null | grep -E 'CONFIG_NET_SCH_NETEM' || echo unknown)"
  echo "python: $(python3 --version 2>&1)"
  echo "tcpdump: $(tcpdump --version 2>&1 | head -1)"
  echo "iptables: $(iptables -V)"
  echo "## init-netns sysctls"
  sysctl net.ipv4.tcp_retries1 net.ipv4.tcp_retries2 net.ipv4.tcp_syn_retries \
    net.ipv4.tcp_synack_retries net.ipv4.tcp_syn_linear_timeouts net.ipv4.tcp_rto_min_us \
    net.ipv4.tcp_rto_max_ms net.ipv4.tcp_early_retrans net.ipv4.tcp_keepalive_time \
    net.ipv4.tcp_keepalive_intvl net.ipv4.tcp_keepalive_probes net.ipv4.tcp_syncookies \
    net.ipv4.tcp_abort_on_overflow net.ipv4.tcp_orphan_retries net.ipv4.tcp_thin_linear_timeouts \
    net.ipv4.tcp_congestion_control net.ipv4.tcp_pingpong_thresh 2>&1 || true
} > "$OUT/env.txt"

start=$(date +%s)
pids=()
for r in 1 2 3; do   # three replicas of the short timer experiments (timer-wheel jitter)
  exp_keepalive ka$r $r             > "$OUT/ka$r.log" 2>&1 & pids+=($!)
  exp_retrans rt$r $((20+r)) 5 0      > "$OUT/rt$r.log" 2>&1 & pids+=($!)   # tcp_retries2=5
  exp_retrans ut$r $((30+r)) 15 10000 > "$OUT/ut$r.log" 2>&1 & pids+=($!)   # TCP_USER_TIMEOUT=10 s
done
if [ "$SKIP_LONG_SYN" != 1 ]; then
  exp_syn s1 4 4 6       > "$OUT/s1.log" 2>&1 & pids+=($!)   # kernel defaults
  exp_syn s2 5 0 6       > "$OUT/s2.log" 2>&1 & pids+=($!)   # linear timeouts off
fi
exp_syn s3 6 4 3         > "$OUT/s3.log" 2>&1 & pids+=($!)
exp_syn s4 7 0 3         > "$OUT/s4.log" 2>&1 & pids+=($!)
exp_syn s5 8 2 3         > "$OUT/s5.log" 2>&1 & pids+=($!)
exp_closed               > "$OUT/cp.log" 2>&1 & pids+=($!)
exp_dack                 > "$OUT/da.log" 2>&1 & pids+=($!)
exp_backlog bl 11 0.2     > "$OUT/bl.log" 2>&1 & pids+=($!)   # connects 0.2 s apart
exp_backlog bb 12 0       > "$OUT/bb.log" 2>&1 & pids+=($!)   # connects back to back
echo "$(date +%T) started ${#pids[@]} experiments; waiting (~2.5 min)..."
rc=0
for p in "${pids[@]}"; do wait "$p" || rc=1; done
echo "$(date +%T) all done in $(( $(date +%s) - start )) s (rc=$rc)"
for n in ka1 ka2 ka3 rt1 rt2 rt3 ut1 ut2 ut3 s1 s2 s3 s4 s5 cp da bl bb; do   # experiment errors, if any
  [ -s "$OUT/$n.log" ] && { echo "--- $n.log"; head -20 "$OUT/$n.log"; }
done
find "$OUT" -type f -empty -delete
python3 "$HERE/analyze.py" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
exit $rc
