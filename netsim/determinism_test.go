package netsim_test

import (
	"bytes"
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// heartbeatRun is a busy little world: clients behind a firewall exchange
// requests and answers over a lossy, jittery link; one loses power, the
// firewall forgets its flows once. It returns the whole event stream as
// text and JSON.
func heartbeatRun(t testing.TB, seed uint64, clients int, d time.Duration, trace bool) (stream []byte, events int) {
	var buf bytes.Buffer
	busyWorld(t, seed, clients, d, func(s *netsim.Sim) {
		s.Observe(func(e netsim.Event) {
			events++
			if trace {
				buf.WriteString(netsim.Format(e))
				buf.WriteByte('\n')
				buf.Write(netsim.AppendJSON(nil, e))
				buf.WriteByte('\n')
			}
		})
	})
	return buf.Bytes(), events
}

// busyWorld runs heartbeatRun's world for d, with the observers observe
// registers.
func busyWorld(t testing.TB, seed uint64, clients int, d time.Duration, observe func(*netsim.Sim)) *netsim.Sim {
	s := netsim.New(seed)
	observe(s)
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	server, err := s.AddHost("server", serverIP, netsim.Linux())
	check(err)
	client, err := s.AddHost("client", clientIP, netsim.Linux())
	check(err)
	other, err := s.AddHost("other", netip.MustParseAddr("10.0.0.3"), netsim.Linux())
	check(err)
	_, err = s.AddMiddlebox("fw", netsim.MiddleboxConfig{Kind: netsim.Firewall, Outside: "server",
		IdleTimeout: 60 * time.Second, OnExpired: netsim.ExpiryPickup})
	check(err)
	_, err = s.AddMiddlebox("lan", netsim.MiddleboxConfig{Kind: netsim.Router})
	check(err)
	_, err = s.AddLink("client", "lan", netsim.LinkConfig{Latency: ms(1), Jitter: ms(2), Loss: 0.02})
	check(err)
	_, err = s.AddLink("other", "lan", netsim.LinkConfig{Latency: ms(1)})
	check(err)
	_, err = s.AddLink("lan", "fw", netsim.LinkConfig{Latency: ms(1),
		Burst: &netsim.GilbertElliott{P: 0.01, R: 0.3, LossBad: 0.5}})
	check(err)
	_, err = s.AddLink("fw", "server", netsim.LinkConfig{Latency: ms(5)})
	check(err)

	sp, err := server.NewProcess("server")
	check(err)
	l, err := sp.Listen(8080, 4096, netsim.SockOpts{KeepAlive: true, KeepIdle: 20 * time.Second, KeepIntvl: 5 * time.Second, KeepCnt: 3})
	check(err)
	l.OnAcceptable(func() {
		for c := l.Accept(); c != nil; c = l.Accept() {
			c.OnNotice(func(netsim.Notice) {
				for {
					data, err := c.Read()
					if data != nil {
						c.Write(data, "answer")
					}
					if err != nil {
						c.Close()
					}
					if data == nil {
						return
					}
				}
			})
		}
	})
	for i := range clients {
		host := client
		if i%2 == 1 {
			host = other
		}
		p, err := host.NewProcess("client")
		check(err)
		var c *netsim.Conn
		tick := p.NewTimer(nil)
		beat := func() {
			if c != nil && c.State() == netsim.Established {
				c.Write([]byte("ping1234"), "heartbeat")
			}
			tick.ResetAfter(time.Second)
		}
		tick = p.NewTimer(beat)
		s.Do(func() {
			c, err = p.Dial(netip.AddrPortFrom(serverIP, 8080), netsim.SockOpts{})
			check(err)
			c.OnNotice(func(netsim.Notice) { c.Read() })
			tick.Reset(time.Duration(i) * time.Second / time.Duration(clients))
		})
	}
	s.RunUntil(d / 2)
	s.Do(client.PowerOff)
	s.Do(s.Middlebox("fw").ExpireAll)
	s.RunUntil(d)
	return s
}

// Same setup and seed: the same stream, byte for byte. Another seed on a
// lossy link: another stream.
func TestDeterminism(t *testing.T) {
	a, n := heartbeatRun(t, 7, 20, 3*time.Minute, true)
	b, _ := heartbeatRun(t, 7, 20, 3*time.Minute, true)
	if n < 10000 {
		t.Fatalf("only %d events: the run is too quiet to prove anything", n)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs with seed 7 differ (%d and %d bytes)", len(a), len(b))
	}
	c, _ := heartbeatRun(t, 8, 20, 3*time.Minute, true)
	if bytes.Equal(a, c) {
		t.Fatal("seeds 7 and 8 gave the same stream on a lossy link")
	}
}
