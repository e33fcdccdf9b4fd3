package hosts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// content is every line of the pane: each node in wire order (a host
// with its power, listening sockets and applications; a middlebox with its
// policy and flow count), the links, then each middlebox's flows (each
// flow's idle time against its timeout) and its drops. Nodes come first
// so that a short pane shows all of them; the rest is a scroll away.
func content(snap *lab.Snapshot, order []string, st styles.Styles, l i18n.Lang, w int) []string {
	nameW := 0
	for _, n := range order {
		nameW = max(nameW, format.Width(n))
	}
	narrow := w < 60
	var out, flows []string
	for _, name := range order {
		if hv := FindHost(snap, name); hv != nil {
			out = append(out, hostLine(hv, st, l, nameW, narrow))
		} else if bv := FindBox(snap, name); bv != nil {
			out = append(out, boxLine(bv, st, l, nameW, narrow))
			flows = append(flows, flowLines(bv, st, l, w, narrow)...)
			if d := dropLine(bv, st, l); d != "" {
				flows = append(flows, d)
			}
		}
	}
	if links := linksLine(snap, st, l, narrow); links != "" {
		out = append(out, links)
	}
	return append(out, flows...)
}

func FindHost(snap *lab.Snapshot, name string) *lab.HostView {
	for i := range snap.Hosts {
		if snap.Hosts[i].Name == name {
			return &snap.Hosts[i]
		}
	}
	return nil
}

func FindBox(snap *lab.Snapshot, name string) *lab.BoxView {
	for i := range snap.Boxes {
		if snap.Boxes[i].Name == name {
			return &snap.Boxes[i]
		}
	}
	return nil
}

// hostLine: "● server 10.0.0.1 listening :8080 · server running"; narrow,
// "● server 10.0.0.1 :8080", naming only applications that do not run.
func hostLine(hv *lab.HostView, st styles.Styles, lang i18n.Lang, nameW int, narrow bool) string {
	head := format.Pad(hv.Name, nameW) + " " + hv.IP.String()
	if !hv.Powered {
		return st.Bad.Render("✖") + " " + head + " " + st.Bad.Render(lang.T(i18n.UIPowerOff))
	}
	var parts []string
	for _, l := range hv.Listening {
		p := st.State("LISTEN").Render(fmt.Sprintf(":%d", l.Addr.Port()))
		if !narrow {
			p = lang.T(i18n.UIListening, "Port", p)
		}
		if l.Queued > 0 {
			p += " " + lang.T(i18n.UIQueue, "N", l.Queued, "Max", l.Backlog+1)
		}
		switch {
		case l.Drops > 0 && narrow:
			p += " " + st.Warn.Render(lang.T(i18n.UISYNDrops, "N", l.Drops))
		case l.Drops > 0:
			p += st.Warn.Render(" · " + lang.T(i18n.UISYNDropped, "N", l.Drops))
		}
		parts = append(parts, p)
	}
	parts = append(parts, appStates(hv, st, lang, narrow)...)
	return st.Good.Render("●") + " " + head + " " + strings.Join(parts, " · ")
}

// appStates sums up a host's processes by application: "server running",
// "client frozen", "client×100 (97 running, 3 dead)". A process's latest
// incarnation counts (a restarted app leaves dead ones behind).
func appStates(hv *lab.HostView, st styles.Styles, l i18n.Lang, narrow bool) []string {
	latest := map[string]string{} // process → state
	var apps []string
	count := map[string]map[string]int{} // app → state → processes
	for _, p := range hv.Processes {
		latest[p.Name] = p.State
	}
	seen := map[string]bool{}
	for _, p := range hv.Processes {
		if seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		app, _, _ := strings.Cut(p.Name, "#")
		if count[app] == nil {
			count[app] = map[string]int{}
			apps = append(apps, app)
		}
		count[app][latest[p.Name]]++
	}
	var out []string
	for _, app := range apps {
		c := count[app]
		total := c["running"] + c["frozen"] + c["dead"]
		if narrow && c["running"] == total {
			continue
		}
		if total == 1 {
			for s := range c {
				if narrow && app == hv.Name {
					out = append(out, stateWord(s, st, l)) // "● server … · frozen"
				} else {
					out = append(out, app+" "+stateWord(s, st, l))
				}
			}
			continue
		}
		var bits []string
		for _, s := range []string{"running", "frozen", "dead"} {
			if c[s] > 0 {
				bits = append(bits, format.Itoa(c[s])+" "+stateWord(s, st, l))
			}
		}
		out = append(out, fmt.Sprintf("%s×%d (%s)", app, total, strings.Join(bits, ", ")))
	}
	return out
}

func stateWord(s string, st styles.Styles, l i18n.Lang) string {
	switch s {
	case "frozen":
		return st.Warn.Render(l.T(i18n.UIFrozen))
	case "dead":
		return st.Bad.Render(l.T(i18n.UIDead))
	}
	return l.T(i18n.UIRunning)
}

// boxLine: "◆ fw firewall · idle timeout 5m00s · on expiry: drop · 1 flow";
// narrow, "◆ fw firewall · idle 5m00s · 1 flow". A box whose conntrack is
// set apart shows its three switches instead of the policy: "◆ nat nat ·
// idle 1m · loose ✗ new_needs_syn ✓ drop_invalid ✗ · 0 flows".
func boxLine(bv *lab.BoxView, st styles.Styles, l i18n.Lang, nameW int, narrow bool) string {
	kinds := map[string]i18n.ID{"router": i18n.UIRouter, "firewall": i18n.UIFirewall, "nat": i18n.UINAT}
	parts := []string{l.T(kinds[bv.Kind])}
	if bv.Kind != "router" {
		switch {
		case narrow:
			parts = append(parts, l.T(i18n.UIIdle, "D", format.Dur(bv.IdleTimeout)))
		case bv.Explicit: // the switches by their keys in the scenario file
			ct := bv.Conntrack
			parts = append(parts, l.T(i18n.UIIdle, "D", format.Dur(bv.IdleTimeout)),
				l.T(i18n.UIConntrack, "Loose", switchWord(ct.Loose, l), "SYN", switchWord(ct.NewNeedsSYN, l), "Invalid", switchWord(ct.DropInvalid, l)))
		default:
			parts = append(parts, l.T(i18n.UIIdleTimeout, "D", format.Dur(bv.IdleTimeout)), l.T(i18n.UIOnExpiry, "Policy", bv.Policy))
		}
		parts = append(parts, l.T(i18n.UIFlows, "Count", len(bv.Flows)))
	}
	return st.Title.Render("◆") + " " + format.Pad(bv.Name, nameW) + " " + strings.Join(parts, " · ")
}

// switchWord marks a conntrack switch on (✓) or off (✗).
func switchWord(on bool, l i18n.Lang) string {
	if on {
		return l.T(i18n.UISwitchOn)
	}
	return l.T(i18n.UISwitchOff)
}

// dropLine: "  ✗ fw 5 dropped: new without SYN · 2 passed untracked", what a
// box did with packets of no known flow: the drops by rule and those
// passed untracked; "" while nothing happened.
func dropLine(bv *lab.BoxView, st styles.Styles, l i18n.Lang) string {
	c := bv.Counts
	var parts []string
	for _, d := range []struct {
		n  uint64
		id i18n.ID
	}{{c.NewWithoutSYN, i18n.UIDropNoSYN}, {c.Invalid, i18n.UIDropInvalid}, {c.NoFlow, i18n.UIDropNoFlow}} {
		if d.n > 0 {
			parts = append(parts, st.Bad.Render(l.T(d.id, "N", d.n)))
		}
	}
	if c.Untracked > 0 {
		parts = append(parts, st.Warn.Render(l.T(i18n.UIUntracked, "N", c.Untracked)))
	}
	if parts == nil {
		return ""
	}
	mark := st.Bad.Render("✗")
	if c.Dropped() == 0 {
		mark = st.Warn.Render("!") // nothing dropped: passed untracked only
	}
	return "  " + mark + " " + bv.Name + " " + strings.Join(parts, " · ")
}

// flowLines: "  └ fw tcp 10.0.0.2:50312 > 10.0.0.1:8080  idle 41.0s of 1m00s ▓▓▓░░";
// narrow, by ports only: "  └ fw :50312>:8080 idle 41.0s/1m00s ▓▓░".
func flowLines(bv *lab.BoxView, st styles.Styles, l i18n.Lang, w int, narrow bool) []string {
	var out []string
	for _, f := range bv.Flows {
		s := "  └ " + bv.Name + " " + f.Proto + " " + f.Inside.String()
		if f.Mapped.IsValid() {
			s += " " + l.T(i18n.UIMappedAs, "Addr", f.Mapped)
		}
		s += " > " + f.Outside.String()
		idle := l.T(i18n.UIIdleOf, "Idle", format.Dur(f.Idle), "Timeout", format.Dur(f.Timeout))
		if narrow {
			s = fmt.Sprintf("  └ %s :%d>:%d", bv.Name, f.Inside.Port(), f.Outside.Port())
			if f.Mapped.IsValid() && f.Mapped.Port() != f.Inside.Port() {
				s = fmt.Sprintf("  └ %s :%d as :%d>:%d", bv.Name, f.Inside.Port(), f.Mapped.Port(), f.Outside.Port())
			}
			idle = l.T(i18n.UIIdle, "D", format.Dur(f.Idle)+"/"+format.Dur(f.Timeout))
		}
		style := st.Dim
		if f.Timeout > 0 && f.Idle*5 > f.Timeout*4 {
			style = st.Warn // about to be forgotten
		}
		s += "  " + style.Render(idle)
		if room := w - format.Width(s) - 1; room >= 6 && f.Timeout > 0 {
			s += " " + common.Bar(st, float64(f.Timeout-f.Idle)/float64(f.Timeout), min(room-1, 12))
		}
		out = append(out, s)
	}
	return out
}

// linksLine: "links client-fw up 1ms · fw-server DOWN"; narrow, without "up".
func linksLine(snap *lab.Snapshot, st styles.Styles, lang i18n.Lang, narrow bool) string {
	if len(snap.Links) == 0 {
		return ""
	}
	var parts []string
	for _, l := range snap.Links {
		p := l.Name + " "
		if !l.Up {
			p += st.Bad.Render(lang.T(i18n.UILinkDown))
		} else {
			if !narrow {
				p += st.Good.Render(lang.T(i18n.UILinkUp)) + " "
			}
			p += format.Dur(l.Latency)
		}
		if l.Loss > 0 {
			p += " " + st.Warn.Render(lang.T(i18n.UILinkLoss, "P", strconv.FormatFloat(l.Loss*100, 'g', -1, 64)+"%"))
		}
		parts = append(parts, p)
	}
	return st.Dim.Render(lang.T(i18n.UILinks)+" ") + strings.Join(parts, " · ")
}

// Model is the hosts pane: each node in wire order, a host with its power,
// listening sockets and applications, a middlebox with its policy and flow
// table, then the links. It scrolls when its content is longer than it.
type Model struct {
	c      *common.Common
	order  []string
	snap   *lab.Snapshot
	w, h   int
	scroll common.Scroll
	lines  []string // the whole content, for the snapshot and width
}

// New makes the hosts pane for nodes in the given (wire) order.
func New(c *common.Common, order []string) Model { return Model{c: c, order: order} }

// SetSnapshot shows the lab's state snap.
func (m *Model) SetSnapshot(snap *lab.Snapshot) {
	m.snap = snap
	m.lines = content(snap, m.order, m.c.Styles, m.c.Lang, m.w)
}

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) {
	if w != m.w && m.snap != nil {
		m.lines = content(m.snap, m.order, m.c.Styles, m.c.Lang, w)
	}
	m.w, m.h = w, h
}

// Scroll moves the pane n lines up (n < 0: down).
func (m *Model) Scroll(n int) { m.scroll.By(n, len(m.lines), m.h) }

// Need is how many lines the pane would like for snap: a line a node, a
// line a flow, a line for a box's drops, and the links.
func Need(snap *lab.Snapshot) int {
	n := len(snap.Hosts) + len(snap.Boxes) + 1
	for _, b := range snap.Boxes {
		n += len(b.Flows)
		if b.Counts != (netsim.MiddleboxCounts{}) {
			n++
		}
	}
	return n
}

// Width is the widest line of the pane's content at width w (how wide it
// would like to be).
func (m Model) Width(w int) int {
	n := 0
	for _, l := range content(m.snap, m.order, m.c.Styles, m.c.Lang, w) {
		n = max(n, format.Width(l))
	}
	return n
}

// Title is "hosts", with its scroll mark.
func (m Model) Title() string { return common.Titled(m.c.T(i18n.UIPaneHosts), m.Mark()) }

// Mark is the pane's scroll mark (common.Mark).
func (m Model) Mark() string {
	from, to := m.scroll.Window(len(m.lines), m.h)
	return common.Mark(from, to, len(m.lines))
}

// Lines renders the pane: the lines of its content it has room for.
func (m Model) Lines() []string {
	from, to := m.scroll.Window(len(m.lines), m.h)
	return m.lines[from:to]
}
