#!/usr/bin/env python3
"""Small socket programs driven by measure.sh.

Every observation is printed as one line
    EV <epoch-seconds> <event> key=value ...
on stdout, using CLOCK_REALTIME (time.time()), the same clock tcpdump -tt uses,
so analyze.py can line events up with captured packets.
"""
import argparse
import errno
import os
import select
import socket
import subprocess
import sys
import threading
import time


def ev(name, **kw):
    extra = " ".join("%s=%s" % (k, v) for k, v in kw.items())
    print("EV %.6f %s %s" % (time.time(), name, extra), flush=True)


def ename(e):
    return errno.errorcode.get(e, str(e))


def drop_peer(ns):
    """Make the peer unreachable: drop every packet arriving in netns `ns`."""
    ev("drop_begin", ns=ns)
    subprocess.run(["nsenter", "--net=/run/netns/%s" % ns,
                    "iptables", "-A", "INPUT", "-j", "DROP"], check=True)
    ev("drop_done", ns=ns)


def tcp_state(s):
    info = s.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)
    names = {1: "ESTABLISHED", 2: "SYN_SENT", 3: "SYN_RECV", 4: "FIN_WAIT1",
             5: "FIN_WAIT2", 6: "TIME_WAIT", 7: "CLOSE", 8: "CLOSE_WAIT",
             9: "LAST_ACK", 10: "LISTEN", 11: "CLOSING"}
    return names.get(info[0], str(info[0]))


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        d = s.recv(n - len(buf))
        if not d:
            break
        buf += d
    return buf


# ---------------------------------------------------------------- servers

def serve(args):
    """Echo server: every received chunk is answered at once with a chunk of
    the same length.  A request starting with b'Q' is answered and the
    connection is then closed at once (reply + close)."""
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((args.addr, args.port))
    ls.listen(args.backlog)
    ev("listening", port=args.port, backlog=args.backlog)
    if args.no_accept:
        time.sleep(args.hold)
        ev("server_exit")
        return

    def handle(c):
        try:
            while True:
                d = c.recv(65536)
                if not d:
                    c.close()
                    return
                c.sendall(b"R" * len(d))
                if d[:1] == b"Q":
                    c.close()
                    return
        except OSError as e:
            ev("server_conn_error", errno=ename(e.errno))

    while True:
        c, a = ls.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()


# ---------------------------------------------------------------- clients

def keepalive(args):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 2)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
    s.connect((args.host, args.port))
    ev("connected", lport=s.getsockname()[1])
    s.send(b"hello")
    recv_exact(s, 5)
    ev("reply_received")
    time.sleep(0.5)          # let our ACK of the reply reach the peer
    drop_peer(args.drop_ns)  # the peer now hears nothing, so sends nothing
    try:
        d = s.recv(100)
        ev("recv_returned", nbytes=len(d), errno="none")
    except OSError as e:
        ev("recv_returned", errno=ename(e.errno))


def retrans(args):
    s = socket.socket()
    if args.user_timeout:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, args.user_timeout)
    s.connect((args.host, args.port))
    ev("connected", lport=s.getsockname()[1])
    for _ in range(5):       # a few round trips so the RTT estimator is seeded
        s.send(b"ping")
        recv_exact(s, 4)
        time.sleep(0.05)
    time.sleep(0.5)
    drop_peer(args.drop_ns)
    time.sleep(0.3)
    ev("send", nbytes=10)
    s.send(b"0123456789")
    try:
        d = s.recv(100)
        ev("recv_returned", nbytes=len(d), errno="none")
    except OSError as e:
        ev("recv_returned", errno=ename(e.errno))
    try:
        s.send(b"x")
        ev("send_after", errno="none")
    except OSError as e:
        ev("send_after", errno=ename(e.errno))


def syn(args):
    s = socket.socket()
    ev("connect_call")
    try:
        s.connect((args.host, args.port))
        ev("connect_returned", errno="none")
    except OSError as e:
        ev("connect_returned", errno=ename(e.errno))


def closed(args):
    for i in range(args.n):
        s = socket.socket()
        ev("connect_call", i=i)
        try:
            s.connect((args.host, args.port))
            ev("connect_returned", i=i, errno="none")
        except OSError as e:
            ev("connect_returned", i=i, errno=ename(e.errno))
        s.close()
        time.sleep(0.2)


def dack(args):
    """Delayed-ACK variants, each on its own connection."""
    def conn(variant):
        s = socket.socket()
        s.connect((args.host, args.port))
        ev("conn", variant=variant, lport=s.getsockname()[1])
        return s

    def rr(s, msg=b"req-012345"):
        s.send(msg)
        d = recv_exact(s, len(msg))
        return d

    # 5a: one request/response on a fresh connection, then idle 1 s
    s = conn("5a")
    rr(s)
    time.sleep(1.0)
    s.close()
    time.sleep(0.3)
    # 5b: 20 request/responses, 0.3 s think time between them
    s = conn("5b")
    for _ in range(20):
        rr(s)
        time.sleep(0.3)
    s.close()
    time.sleep(0.3)
    # 5c: 30 back-to-back request/responses (interactive), then one final
    #     request/response followed by 1 s idle
    s = conn("5c")
    for _ in range(30):
        rr(s)
    rr(s)
    time.sleep(1.0)
    s.close()
    time.sleep(0.3)
    # 5d: fresh connection, server replies then closes at once;
    #     client reads reply + EOF and keeps the socket open 1 s
    s = conn("5d")
    s.send(b"Q-request")
    d = s.recv(100); d2 = s.recv(100)
    ev("eof_seen", variant="5d", got=len(d), eof=(d2 == b""))
    time.sleep(1.0)
    s.close()
    time.sleep(0.3)
    # 5e: same, but client closes as soon as it sees EOF
    s = conn("5e")
    s.send(b"Q-request")
    d = s.recv(100); d2 = s.recv(100)
    ev("eof_seen", variant="5e", got=len(d), eof=(d2 == b""))
    s.close()
    time.sleep(0.3)
    # 5f: 30 back-to-back rounds, then reply+close; client keeps socket 1 s
    s = conn("5f")
    for _ in range(30):
        rr(s)
    s.send(b"Q-request")
    d = s.recv(100); d2 = s.recv(100)
    ev("eof_seen", variant="5f", got=len(d), eof=(d2 == b""))
    time.sleep(1.0)
    s.close()
    time.sleep(0.3)
    # 5g: 30 back-to-back rounds, then reply+close; client closes at EOF
    s = conn("5g")
    for _ in range(30):
        rr(s)
    s.send(b"Q-request")
    d = s.recv(100); d2 = s.recv(100)
    ev("eof_seen", variant="5g", got=len(d), eof=(d2 == b""))
    s.close()
    time.sleep(0.3)
    # 5h: 25 request/responses with 0.1 s think time (between ATO 40 ms and RTO 200 ms)
    s = conn("5h")
    for _ in range(25):
        rr(s)
        time.sleep(0.1)
    s.close()
    time.sleep(0.3)
    # 5i: exactly one back-to-back round, then a final request/response and 1 s idle
    s = conn("5i")
    rr(s)
    rr(s)
    time.sleep(1.0)
    s.close()
    time.sleep(0.3)
    # 5j: one back-to-back round (enters pingpong), one response left to the
    #     delayed-ACK timer, then 3 rounds with 0.1 s think time
    s = conn("5j")
    rr(s)
    rr(s)
    time.sleep(0.1)
    for _ in range(3):
        rr(s)
        time.sleep(0.1)
    s.close()
    time.sleep(0.3)
    # 5k: 20 rounds with 0.1 s think time (quick-ACK budget used up), then a
    #     request whose response the application does not read for 0.5 s
    s = conn("5k")
    for _ in range(20):
        rr(s)
        time.sleep(0.1)
    s.send(b"req-012345")
    time.sleep(0.5)
    recv_exact(s, 10)
    time.sleep(0.2)
    s.close()
    time.sleep(0.5)


def backlog(args):
    """args.n non-blocking connects, args.gap seconds apart, to a listener that
    never accepts; completion of each connect is watched with select()."""
    socks, pending = [], {}
    t_start = time.time()
    end = t_start + args.watch
    while time.time() < end:
        if len(socks) < args.n and time.time() >= t_start + len(socks) * args.gap:
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex((args.host, args.port))
            i = len(socks)
            ev("connect_call", i=i, lport=s.getsockname()[1])
            socks.append(s)
            pending[s.fileno()] = (i, s)
            continue
        if not pending and len(socks) == args.n:
            time.sleep(max(0, end - time.time()))
            break
        _, w, _ = select.select([], list(pending), [], 0.005)
        for fd in w:
            i, s = pending.pop(fd)
            err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            ev("connect_done", i=i, errno=ename(err) if err else "none")
    for i, s in enumerate(socks):
        ev("final_state", i=i, state=tcp_state(s),
           pending=(s.fileno() in pending))
    if args.state_file:
        peer = ["nsenter", "--net=/run/netns/%s" % args.drop_ns]
        with open(args.state_file, "w") as f:
            for title, cmd in (
                    ("ss -tanoi in client ns", ["ss", "-tanoi"]),
                    ("ss -tanoi in server ns", peer + ["ss", "-tanoi"]),
                    ("nstat -az in server ns", peer + ["nstat", "-az"])):
                f.write("## %s\n" % title)
                f.write(subprocess.run(cmd, capture_output=True, text=True).stdout)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("serve")
    a.add_argument("--addr", default="0.0.0.0")
    a.add_argument("--port", type=int, required=True)
    a.add_argument("--backlog", type=int, default=128)
    a.add_argument("--no-accept", action="store_true")
    a.add_argument("--hold", type=float, default=60)
    for name in ("keepalive", "retrans", "syn", "closed", "dack", "backlog"):
        c = sub.add_parser(name)
        c.add_argument("--host", required=True)
        c.add_argument("--port", type=int, required=True)
        c.add_argument("--drop-ns")
        c.add_argument("--user-timeout", type=int, default=0)
        c.add_argument("--n", type=int, default=5)
        c.add_argument("--watch", type=float, default=30)
        c.add_argument("--state-file")
        c.add_argument("--gap", type=float, default=0.2)
    args = p.parse_args()
    {"serve": serve, "keepalive": keepalive, "retrans": retrans, "syn": syn,
     "closed": closed, "dack": dack, "backlog": backlog}[args.cmd](args)


if __name__ == "__main__":
    main()
