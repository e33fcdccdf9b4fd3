package lab

import (
	"net/netip"
	"testing"
)

// Only a NAT has an address of its own: a firewall's or router's
// public_ip is refused rather than ignored, and never counts as taken.
func TestOnlyANATHasAPublicAddress(t *testing.T) {
	box := func(name, kind, ip string) MiddleboxConfig {
		m := MiddleboxConfig{Name: name, Kind: kind, Outside: "server", IdleTimeout: 60e9}
		if ip != "" {
			m.PublicIP = netip.MustParseAddr(ip)
		}
		return m
	}
	for _, tc := range []struct {
		name  string
		boxes []MiddleboxConfig
		want  string
	}{
		{"firewall with an address", []MiddleboxConfig{box("fw", "firewall", "203.0.113.1")},
			"middleboxes.fw.public_ip: only a NAT has a public address"},
		{"router with a host's address", []MiddleboxConfig{box("r", "router", "10.0.0.1")},
			"middleboxes.r.public_ip: only a NAT has a public address"},
		{"two boxes without one", []MiddleboxConfig{box("fw", "firewall", ""), box("fw2", "firewall", "")}, ""},
		{"a NAT after a firewall", []MiddleboxConfig{box("fw", "firewall", ""), box("nat", "nat", "203.0.113.1")}, ""},
		{"a NAT on a host's address", []MiddleboxConfig{box("nat", "nat", "10.0.0.2")},
			"middleboxes.nat.public_ip: 10.0.0.2 is already client's address"},
		{"a NAT without one", []MiddleboxConfig{box("fw", "firewall", ""), box("nat", "nat", "")},
			"middleboxes.nat.public_ip: a NAT needs an IPv4 public address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := twoHosts()
			cfg.Middleboxes = tc.boxes
			got := ""
			if err := cfg.ApplyDefaults(); err != nil {
				t.Fatal(err)
			}
			if err := cfg.Validate(); err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A client connects to a host, or to a NAT's public address; a firewall
// or router has no address to connect to.
func TestClientConnectsToAnAddress(t *testing.T) {
	cfg := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Connect = "fw" }))
	cfg.Middleboxes = []MiddleboxConfig{{Name: "fw", Kind: "firewall", Outside: "server", IdleTimeout: 60e9}}
	_, err := New(cfg)
	want := "apps.client.connect: fw has no address to connect to: name a host, or a NAT (its public_ip)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
