#!/usr/bin/env python3
"""Turn measure.sh output (OUTDIR/*.txt tcpdump text, *.events) into markdown.

    python3 analyze.py OUTDIR > OUTDIR/summary.md

All times are seconds relative to the experiment's reference packet, which is
named in each section.  Packet times are tcpdump -tt capture times on the
client's veth; event times are time.time() in the client program.
"""
import os
import re
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "out"

PKT = re.compile(r"^(\d+\.\d+) IP (\d+\.\d+\.\d+\.\d+)\.(\d+) > "
                 r"(\d+\.\d+\.\d+\.\d+)\.(\d+): Flags \[([^\]]*)\](.*)$")


def load_pkts(name):
    path = os.path.join(OUT, name + ".txt")
    pkts = []
    if not os.path.exists(path):
        return pkts
    for line in open(path):
        m = PKT.match(line.strip())
        if not m:
            continue
        t, src, sp, dst, dp, flags, rest = m.groups()
        seq = re.search(r"seq (\d+)(?::(\d+))?", rest)
        ack = re.search(r"ack (\d+)", rest)
        ln = re.search(r"length (\d+)", rest)
        pkts.append(dict(
            t=float(t), src=src, sport=int(sp), dst=dst, dport=int(dp), flags=flags,
            seq=int(seq.group(1)) if seq else None,
            seqend=int(seq.group(2)) if seq and seq.group(2) else None,
            ack=int(ack.group(1)) if ack else None,
            len=int(ln.group(1)) if ln else 0,
            client=src.endswith(".1"),
            line=line.strip()))
    return pkts


def load_events(name):
    path = os.path.join(OUT, name + ".events")
    evs = []
    if not os.path.exists(path):
        return evs
    for line in open(path):
        parts = line.split()
        if len(parts) < 3 or parts[0] != "EV":
            continue
        kv = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
        evs.append(dict(t=float(parts[1]), name=parts[2], **kv))
    return evs


def ev1(evs, name, **match):
    for e in evs:
        if e["name"] == name and all(e.get(k) == v for k, v in match.items()):
            return e
    return None


def short(p):
    """tcpdump line without 'IP', window and options."""
    s = p["line"].replace(" IP ", " ")
    s = re.sub(r", options \[[^\]]*\]", "", s)
    s = re.sub(r", win \d+", "", s)
    return s


def raw(pkts, t0, note=None):
    out = ["```"]
    for p in pkts:
        out.append("%+9.3f  %s" % (p["t"] - t0, short(p)))
    out.append("```")
    return "\n".join(out)


def f3(x):
    return "—" if x is None else "%.3f" % x


def sysctls(name):
    path = os.path.join(OUT, name + ".sysctl")
    if not os.path.exists(path):
        return {}
    d = {}
    for line in open(path):
        if "=" in line:
            k, v = line.split("=", 1)
            d[k.strip().replace("net.ipv4.", "")] = v.strip()
    return d


def replicas(prefix):
    return sorted(n[:-7] for n in os.listdir(OUT)
                  if n.startswith(prefix) and n.endswith(".events"))


# ------------------------------------------------------------------ sections

def sec_env():
    print("## Environment\n")
    print("```")
    print(open(os.path.join(OUT, "env.txt")).read().rstrip())
    print("```\n")


def sec_keepalive():
    print("## 1. Keepalive (KEEPIDLE=5 KEEPINTVL=2 KEEPCNT=3), peer drops everything\n")
    print("t=0: last segment received from the peer (its reply) before the drop.\n")
    print("| run | probe 1 | probe 2 | probe 3 | RST sent | recv() returns | errno |")
    print("|---|---|---|---|---|---|---|")
    raws = []
    for n in replicas("ka"):
        pk, ev = load_pkts(n), load_events(n)
        drop = ev1(ev, "drop_begin")["t"]
        last_rx = [p for p in pk if not p["client"] and p["t"] < drop][-1]
        t0 = last_rx["t"]
        after = [p for p in pk if p["client"] and p["t"] > drop]
        probes = [p["t"] - t0 for p in after if "R" not in p["flags"]]
        rst = [p for p in after if "R" in p["flags"]]
        rr = ev1(ev, "recv_returned")
        cells = [f3(x) for x in probes[:3]] + ["—"] * (3 - len(probes[:3]))
        print("| %s | %s | %s (%s) | %s | %s |" % (
            n, " | ".join(cells),
            f3(rst[0]["t"] - t0) if rst else "none", rst[0]["flags"] if rst else "",
            f3(rr["t"] - t0) if rr else "—", rr.get("errno") if rr else "—"))
        if len(probes) > 3:
            print("| %s | extra probes: %s | | | | | |" % (n, probes[3:]))
        raws.append((n, [last_rx] + after, t0))
    print("\nexpected: 5, 7, 9, RST 11, ETIMEDOUT at 11\n")
    n, pk, t0 = raws[0]
    print("raw (%s):\n" % n)
    print(raw(pk, t0))
    print()


def sec_retrans():
    print("## 2. Retransmission of a 10-byte write to a peer that drops everything\n")
    print("t=0: capture time of the original data segment.\n")
    for prefix, title in (("rt", "tcp_retries2=5"),
                          ("ut", "TCP_USER_TIMEOUT=10000 ms, tcp_retries2=15")):
        print("### %s\n" % title)
        print("| run | (re)transmissions (s) | gaps (s) | recv() returns | errno | RST at abort | next send() |")
        print("|---|---|---|---|---|---|---|")
        first = None
        for n in replicas(prefix):
            pk, ev = load_pkts(n), load_events(n)
            send = ev1(ev, "send")["t"]
            data = [p for p in pk if p["client"] and p["len"] == 10 and p["t"] >= send - 0.01]
            t0 = data[0]["t"]
            rel = [p["t"] - t0 for p in data[1:]]
            gaps = [b - a for a, b in zip([0] + rel, rel)]
            rr = ev1(ev, "recv_returned")
            sa = ev1(ev, "send_after")
            rst = [p for p in pk if p["client"] and "R" in p["flags"] and p["t"] > t0]
            print("| %s | %s | %s | %s | %s | %s | %s |" % (
                n, ", ".join("%.3f" % x for x in rel), ", ".join("%.3f" % x for x in gaps),
                f3(rr["t"] - t0) if rr else "—", rr.get("errno") if rr else "—",
                "yes @%.3f" % (rst[0]["t"] - t0) if rst else "none",
                sa.get("errno") if sa else "—"))
            if first is None:
                first = (n, [p for p in pk if p["t"] >= t0 - 0.6], t0)
        print()
        print("raw (%s, from the last exchange before the drop):\n" % first[0])
        print(raw(first[1], first[2]))
        print()
    print("expected (issue): 0.2 (TLP), 0.4, 0.8, 1.7, 3.3, 6.7, give up ~13.4, no RST, ETIMEDOUT;"
          " user timeout: abort at 10 s\n")


def sec_syn():
    print("## 3. SYN retransmission to a peer that drops everything\n")
    print("t=0: first SYN on the wire.\n")
    print("| run | syn_linear_timeouts | syn_retries | SYNs sent at (s) | connect() fails at | errno | connect() call → 1st SYN |")
    print("|---|---|---|---|---|---|---|")
    raws = []
    for n in sorted(x for x in replicas("s") if re.match(r"s\d$", x)):
        pk, ev = load_pkts(n), load_events(n)
        sc = sysctls(n)
        syns = [p for p in pk if p["client"] and p["flags"] == "S"]
        if not syns:
            continue
        t0 = syns[0]["t"]
        cr = ev1(ev, "connect_returned")
        cc = ev1(ev, "connect_call")
        print("| %s | %s | %s | %s | %s | %s | %.0f µs |" % (
            n, sc.get("tcp_syn_linear_timeouts"), sc.get("tcp_syn_retries"),
            ", ".join("%.3f" % (p["t"] - t0) for p in syns),
            f3(cr["t"] - t0) if cr else "—", cr.get("errno") if cr else "—",
            (t0 - cc["t"]) * 1e6 if cc else float("nan")))
        raws.append((n, syns, t0))
    print("\nexpected: linear=4: 0,1,2,3,4,5,7,11,19,35,67, fail 131; linear=0: 0,1,3,7,15,31,63, fail 127\n")
    for n, syns, t0 in raws[:1]:
        print("raw (%s):\n" % n)
        print(raw(syns, t0))
        print()


def sec_closed():
    print("## 4. connect() to a port with no listener\n")
    pk, ev = load_pkts("cp"), load_events("cp")
    print("| attempt | connect() call → SYN | SYN → RST | reply flags | connect() call → return | errno |")
    print("|---|---|---|---|---|---|")
    for i in range(3):
        cc = ev1(ev, "connect_call", i=str(i))
        cr = ev1(ev, "connect_returned", i=str(i))
        syn = [p for p in pk if p["client"] and p["flags"] == "S" and p["t"] >= cc["t"]][0]
        rst = [p for p in pk if not p["client"] and p["dport"] == syn["sport"]][0]
        print("| %d | %.1f µs | %.1f µs | %s | %.1f µs | %s |" % (
            i, (syn["t"] - cc["t"]) * 1e6, (rst["t"] - syn["t"]) * 1e6, rst["flags"],
            (cr["t"] - cc["t"]) * 1e6, cr.get("errno")))
    print("\n(attempt 0 includes ARP resolution)\n")
    print(raw(pk[:2], pk[0]["t"]))
    print()


def classify(p):
    if "F" in p["flags"]:
        return "FIN|ACK"
    if p["len"] > 0:
        return "data (piggybacked)"
    return "pure ACK"


def sec_dack():
    print("## 5. Delayed ACK\n")
    pk, ev = load_pkts("da"), load_events("da")
    conns = [e for e in ev if e["name"] == "conn"]
    desc = {
        "5a": "fresh connection, 1 request/response, client idle 1 s",
        "5b": "20 request/responses, 0.3 s think time",
        "5c": "30 back-to-back request/responses, then 1 final, client idle",
        "5d": "fresh connection; server replies and close()s at once; client stays open 1 s",
        "5e": "fresh connection; server replies and close()s; client close()s at EOF",
        "5f": "30 back-to-back rounds; then server replies and close()s; client stays open 1 s",
        "5g": "30 back-to-back rounds; then server replies and close()s; client close()s at EOF",
        "5h": "25 request/responses, 0.1 s think time",
        "5i": "1 back-to-back round, then a final request/response, client idle",
        "5j": "1 back-to-back round, 1 response left to the delack timer, then 3 rounds with 0.1 s think time",
        "5k": "20 rounds with 0.1 s think time, then a response the client app reads only 0.5 s later",
    }
    print("For each segment the server sends (data or FIN), the client's first packet that"
          " acknowledges it: delay and kind.\n")
    print("| variant | scenario | server segments → client ACK delay (ms, kind) |")
    print("|---|---|---|")
    raws = {}
    for c in conns:
        port = int(c["lport"])
        cp = [p for p in pk if (p["client"] and p["sport"] == port) or
              (not p["client"] and p["dport"] == port)]
        items = []   # (tag, delay_ms or None, kind, retransmitted_at_ms or None)
        for i, p in enumerate(cp):
            if p["client"] or not (p["len"] > 0 or "F" in p["flags"]):
                continue
            end = (p["seqend"] if p["seqend"] else p["seq"]) + (1 if "F" in p["flags"] else 0)
            nxt = next((q for q in cp[i + 1:] if q["client"] and q["ack"] is not None and q["ack"] >= end), None)
            # did the server retransmit this segment before the client acked it?
            re_tx = [q for q in cp[i + 1:] if not q["client"] and q["seq"] == p["seq"] and
                     q["flags"] == p["flags"] and (nxt is None or q["t"] < nxt["t"])]
            if p["seqend"] is None and "F" not in p["flags"]:
                continue
            if any(it[4] == (p["seq"], p["flags"]) for it in items):
                continue   # this is itself a retransmission, already reported
            items.append(("FIN" if "F" in p["flags"] else "data",
                          None if nxt is None else (nxt["t"] - p["t"]) * 1e3,
                          "no ACK" if nxt is None else classify(nxt),
                          (re_tx[0]["t"] - p["t"]) * 1e3 if re_tx else None,
                          (p["seq"], p["flags"])))

        def fmt(it):
            s = "%s: %s %s" % (it[0], "—" if it[1] is None else "%.3f" % it[1], it[2])
            if it[3] is not None:
                s += " (server retransmitted it at +%.3f ms first)" % it[3]
            return s
        v = c["variant"]
        if len(items) > 6:
            head, tail = items[:-3], items[-3:]
            groups = {}
            for it in head:
                groups.setdefault(it[2], []).append(it[1])
            summ = "; ".join("%d× %s, %.3f–%.3f ms" % (len(d), k, min(d), max(d))
                             for k, d in groups.items() if None not in d)
            lines = ["first %d responses: %s" % (len(head), summ)] + [fmt(it) for it in tail]
        else:
            lines = [fmt(it) for it in items]
        items = lines
        print("| %s | %s | %s |" % (v, desc.get(v, ""), "<br>".join(items)))
        raws[v] = cp
    print()
    for v in ("5a", "5c", "5d", "5e", "5f", "5g", "5j", "5k"):
        if v in raws:
            cp = raws[v]
            sel = cp if len(cp) <= 24 else cp[-8:]
            print("raw %s (%s):\n" % (v, desc[v]))
            print(raw(sel, sel[0]["t"]))
            print()


def sec_backlog():
    for name, gap in (("bl", "0.2 s apart"), ("bb", "back to back (no gap)")):
        if os.path.exists(os.path.join(OUT, name + ".events")):
            backlog_one(name, gap)


def backlog_one(name, gap):
    print("## 6%s. listen(backlog=2), never accept(), 5 clients connect %s\n" % (
        "a" if name == "bl" else "b", gap))
    pk, ev = load_pkts(name), load_events(name)
    print("t=0: first SYN of client 0.\n")
    t0 = pk[0]["t"]
    print("| client | SYNs sent at (s) | SYN-ACKs received at (s) | client ACKs sent at (s) | connect() completes at | state after 30 s |")
    print("|---|---|---|---|---|---|")
    for e in [e for e in ev if e["name"] == "connect_call"]:
        i, port = e["i"], int(e["lport"])
        syns = [p["t"] - t0 for p in pk if p["client"] and p["sport"] == port and p["flags"] == "S"]
        sa = [p["t"] - t0 for p in pk if not p["client"] and p["dport"] == port and p["flags"] == "S."]
        acks = [p["t"] - t0 for p in pk if p["client"] and p["sport"] == port and p["flags"] == "."]
        done = ev1(ev, "connect_done", i=i)
        st = ev1(ev, "final_state", i=i)
        print("| %s | %s | %s | %s | %s | %s |" % (
            i, ", ".join("%.3f" % x for x in syns), ", ".join("%.3f" % x for x in sa) or "none",
            ", ".join("%.3f" % x for x in acks) or "none",
            ("%.3f (%s)" % (done["t"] - t0, done["errno"])) if done else "never",
            st["state"] if st else "—"))
    print()
    path = os.path.join(OUT, name + ".state.txt")
    if os.path.exists(path):
        keep = []
        for line in open(path):
            if line.startswith("##") or re.match(r"^(LISTEN|ESTAB|SYN|CLOSE|FIN|State)", line) or \
               re.search(r"ListenOverflows|ListenDrops|TCPReqQFull|SyncookiesSent|TcpPassiveOpens|TcpExtTCPTimeouts", line):
                keep.append(re.sub(r"\s+$", "", re.sub(r" {2,}", "  ", line)))
        print("```")
        print("\n".join(keep))
        print("```\n")
    print("raw (first 16 packets):\n")
    print(raw(pk[:16], t0))
    print()


def main():
    print("# socklab kernel-check: measured summary (generated by analyze.py)\n")
    for f in (sec_env, sec_keepalive, sec_retrans, sec_syn, sec_closed, sec_dack, sec_backlog):
        try:
            f()
        except Exception as e:  # keep going: one broken section must not hide the others
            print("\n**%s failed: %r**\n" % (f.__name__, e))


if __name__ == "__main__":
    main()
