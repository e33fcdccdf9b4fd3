package hosts

import (
	"fmt"
	"io"
	"net/netip"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/google/go-cmp/cmp"
	"github.com/muesli/termenv"
	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/styles"
)

// A NAT whose conntrack is set apart (loose pickup off, no INVALID rule)
// shows its three switches instead of a policy, and after the flow expired
// and the client wrote, what it did with the stray segments: the client's
// data and the server's RST passed untracked, nothing dropped. A box run
// by the on_expired shorthand shows its policy and, once it drops, the
// rule that dropped. The counts are those of the segments the wire shows
// dropped at the box, or passing it after the expiry. Both languages.
func TestBoxLinesShowConntrackAndDrops(t *testing.T) {
	off, on := false, true
	for _, tc := range []struct {
		name string
		box  lab.MiddleboxConfig
		want map[i18n.Lang][]string
	}{
		{
			name: "conntrack set apart",
			box:  lab.MiddleboxConfig{Conntrack: &lab.ConntrackConfig{Loose: &off, DropInvalid: &off}},
			want: map[i18n.Lang][]string{
				i18n.English: {
					"◆ nat    nat · idle 1m · loose ✗ new_needs_syn ✓ drop_invalid ✗ · 0 flows",
					"  ! nat %d passed untracked",
				},
				i18n.Chinese: {
					"◆ nat    NAT · 空闲 1m · 开关 loose ✗ new_needs_syn ✓ drop_invalid ✗ · 0 条流",
					"  ! nat %d 个未跟踪放行",
				},
			},
		},
		{
			name: "the drop shorthand",
			box:  lab.MiddleboxConfig{OnExpired: "drop"},
			want: map[i18n.Lang][]string{
				i18n.English: {
					"◆ nat    nat · idle timeout 1m · on expiry: drop · 0 flows",
					"  ✗ nat %d dropped: new without SYN",
				},
				i18n.Chinese: {
					"◆ nat    NAT · 空闲超时 1m · 过期后：drop · 0 条流",
					"  ✗ nat 丢弃 %d 个：新流不是 SYN",
				},
			},
		},
		{
			name: "loose off, INVALID dropped",
			box:  lab.MiddleboxConfig{Conntrack: &lab.ConntrackConfig{Loose: &off, NewNeedsSYN: &on}},
			want: map[i18n.Lang][]string{
				i18n.English: {
					"◆ nat    nat · idle 1m · loose ✗ new_needs_syn ✓ drop_invalid ✓ · 0 flows",
					"  ✗ nat %d dropped: invalid",
				},
				i18n.Chinese: {
					"◆ nat    NAT · 空闲 1m · 开关 loose ✗ new_needs_syn ✓ drop_invalid ✓ · 0 条流",
					"  ✗ nat 丢弃 %d 个：INVALID",
				},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			box := tc.box
			box.Name, box.Kind, box.Outside, box.IdleTimeout = "nat", "nat", "server", time.Minute
			box.PublicIP = netip.MustParseAddr("203.0.113.1")
			s, err := lab.New(lab.Config{
				Seed: 1,
				Hosts: []lab.HostConfig{
					{Name: "server", IP: netip.MustParseAddr("10.0.0.1")},
					{Name: "client", IP: netip.MustParseAddr("192.168.1.2")},
				},
				Middleboxes: []lab.MiddleboxConfig{box},
				Links:       []lab.LinkConfig{{A: "client", B: "nat", Latency: time.Millisecond}, {A: "nat", B: "server", Latency: time.Millisecond}},
				Apps: []lab.AppConfig{
					{Name: "server", Kind: lab.KindServer, Host: "server", Port: 8080},
					{Name: "client", Kind: lab.KindClient, Host: "client", Connect: "server", Port: 8080,
						Traffic: lab.TrafficConfig{Interval: 2 * time.Minute, Size: 10}, Reconnect: lab.BackoffConfig{Policy: lab.BackoffNone}},
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			// The flow expired at 1m0.003s; the data leaves at 2m0.002s.
			dropped, passed := 0, 0
			s.Observe(func(e netsim.Event) {
				seg, ok := e.(*netsim.SegmentEvent)
				switch {
				case !ok || seg.At < 2*time.Minute:
				case seg.Fate == netsim.FateDropped && seg.Where == "nat":
					dropped++
				case seg.Fate == netsim.FateDelivered: // crossed the box: no flow is left
					passed++
				}
			})
			s.RunUntil(2*time.Minute + 2*time.Second)
			n := dropped
			if n == 0 {
				n = passed
			}
			if n == 0 {
				t.Fatal("nothing dropped or passed at the box after the expiry")
			}
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.Ascii)
			for _, l := range i18n.Langs {
				lines := content(s.Snapshot(), []string{"client", "nat", "server"}, styles.New(r), l, 200)
				got := []string{lines[1], lines[len(lines)-1]}
				want := []string{tc.want[l][0], fmt.Sprintf(tc.want[l][1], n)}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%v (-want +got):\n%s", l, diff)
				}
			}
		})
	}
}
