package drill

import (
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
)

func TestParseLines(t *testing.T) {
	src := `--tolerance_usecs=10000
` + "`./defaults.sh`" + `
// a comment
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 setsockopt(3, SOL_SOCKET, SO_LINGER, {onoff=1, linger=0}, 8) = 0
 +.01...0.011 connect(3, ..., ...) = 0
   +0 > S 0:0(0) <...>
   +0 < S. 0:0(0) ack 1 win 32768 <mss 1000,nop,wscale 6,nop,nop,sackOK,TS val 100 ecr 0>
 0.2~0.3 > F. 1:1(0) ack 1
   +0 read(3, ..., 10) = -1 ECONNRESET (Connection reset by peer)
   +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
   +0 %{ assert tcpi_state == TCP_CLOSE }%
/* block
   comment */
   +0 < R 1:1(0) win 0
`
	s, err := Parse("t.pkt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Options) != 1 || s.Options[0].Name != "tolerance_usecs" || s.Options[0].Value != "10000" {
		t.Errorf("options = %+v", s.Options)
	}
	if s.Init == nil || s.Init.Command != "./defaults.sh" {
		t.Errorf("init = %+v", s.Init)
	}
	if got, want := len(s.Events), 10; got != want {
		t.Fatalf("got %d events, want %d", got, want)
	}
	c := s.Events[2]
	if c.Kind != Relative || c.At != 10*time.Millisecond || !c.Call.Blocking || c.Call.End != 11*time.Millisecond || c.Call.Name != "connect" {
		t.Errorf("connect event = %+v %+v", c, c.Call)
	}
	syn := s.Events[3].Packet
	if syn.Dir != Out || syn.Flags != "S" || !syn.AnyOptions || syn.Win != -1 {
		t.Errorf("SYN = %+v", syn)
	}
	sa := s.Events[4].Packet
	if got, want := FormatOptions(sa.Options), "<mss 1000,nop,wscale 6,nop,nop,sackOK,TS val 100 ecr 0>"; got != want {
		t.Errorf("options = %s, want %s", got, want)
	}
	if sa.Flags != "S." || !sa.HasAck || sa.Ack != 1 || sa.Win != 32768 {
		t.Errorf("SYN-ACK = %+v", sa)
	}
	if f := s.Events[5]; f.Kind != AbsoluteRange || f.At != 200*time.Millisecond || f.End != 300*time.Millisecond {
		t.Errorf("range = %+v", f)
	}
	if r := s.Events[6].Call; r.Errno != "ECONNRESET" || r.Ret.Int != -1 {
		t.Errorf("read = %+v", r)
	}
	if a := s.Events[7].Call.Args[2]; a.Kind != ExprOr || a.String() != "O_RDWR|O_NONBLOCK" {
		t.Errorf("fcntl arg = %s", a)
	}
	if code := s.Events[8].Code; code != " assert tcpi_state == TCP_CLOSE " {
		t.Errorf("code = %q", code)
	}
	if l := s.Events[2].Call.Args; len(l) != 3 || l[1].Kind != ExprEllipsis {
		t.Errorf("connect args = %v", l)
	}
	if lg := s.Events[1].Call.Args[3]; lg.String() != "{onoff=1, linger=0}" {
		t.Errorf("linger = %s", lg)
	}
	if e := s.Events[9]; e.Pos.Line != 15 || e.Text != "+0 < R 1:1(0) win 0" {
		t.Errorf("last event at %v: %q", e.Pos, e.Text)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"first not zero", "1 close(3) = 0\n", "t.pkt:1:1: the first event should be at time 0"},
		{"empty", "// nothing\n", "t.pkt:2:1: the script has no events"},
		{"seq", "0 < S 0:10(5) win 100\n", "t.pkt:1:9: inconsistent TCP sequence numbers and payload size: 0 + 5 is not 10"},
		{"flags", "0 < SYN 0:0(0) win 100\n", "t.pkt:1:5: SYN are not TCP flags (S F R P . and ECN's E W)"},
		{"option", "0 < S 0:0(0) win 100 <mss 1460,bogus 3>\n", "t.pkt:1:32: unknown TCP option bogus (nop, eol, mss, wscale, sackOK, sack, TS)"},
		{"any inbound", "0 < S 0:0(0) win 100 <...>\n", "t.pkt:1:3: <...> for TCP options can only be used with outbound packets"},
		{"range inbound", "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n0.1~0.2 < S 0:0(0) win 1\n", "t.pkt:2:1: a time range or * can only be used with outbound packets"},
		{"unterminated code", "0 %{ assert 1\n", "t.pkt:1:3: unterminated %{: it is never closed"},
		{"missing =", "0 close(3) 0\n", "t.pkt:1:12: expected =, found 0"},
		{"mss range", "0 < S 0:0(0) win 100 <mss 70000>\n", "t.pkt:1:27: mss 70000 is out of range (0 to 65535)"},
		{"udp", "0 < udp (10)\n", "t.pkt:1:5: unsupported: udp (socklab drill models TCP over IPv4; docs/drill.md lists what it runs)"},
		{"bad char", "0 close(3) = 0 @\n", "t.pkt:1:16: unexpected character @"},
		{"time", "0 close(3) = 0\n+x close(3) = 0\n", "t.pkt:2:2: expected TIME, found x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.pkt", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if zh := i18n.ErrorText(err, i18n.Chinese); zh == err.Error() {
				t.Errorf("no Chinese text: %q", zh)
			}
		})
	}
}
