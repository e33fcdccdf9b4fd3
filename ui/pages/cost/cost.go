package cost

import (
	"fmt"
	"strings"
	"time"

	"github.com/NimbleMarkets/ntcharts/sparkline"
	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/tally"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
)

// Model is the cost view: the run's ledger (lab/tally) as tables and a
// sparkline. It is drawn from the tally on each View; it keeps only its
// size and scroll.
type Model struct {
	c      *common.Common
	w, h   int
	scroll common.Scroll
}

// New makes the cost view of a terminal.
func New(c *common.Common) Model { return Model{c: c} }

// SetSize gives the view w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Scroll moves the content n lines up (n < 0: down), given what it shows.
func (m *Model) Scroll(n int, t *tally.Tally, now time.Duration) {
	m.scroll.By(n, len(m.content(t, now)), m.h)
}

// Title is the view's title.
func (m Model) Title(now time.Duration) string {
	return m.c.T(i18n.UICostTitle, "At", format.Stamp(now, false))
}

// Lines renders what fits of the ledger t at time now.
func (m Model) Lines(t *tally.Tally, now time.Duration) []string {
	all := m.content(t, now)
	from, to := m.scroll.Window(len(all), m.h)
	return all[from:to]
}

// classIDs name tally's classes, in their order.
var classIDs = [tally.NumClasses]i18n.ID{i18n.UICostClassData, i18n.UICostClassBeat, i18n.UICostClassKeep,
	i18n.UICostClassACK, i18n.UICostClassRetr, i18n.UICostClassCtl}

// content is the whole view, one screen line each: keep-alive cost and
// detection per app, bytes by class, pollers, each open connection end,
// connection attempts.
func (m Model) content(t *tally.Tally, now time.Duration) []string {
	st := m.c.Styles
	apps := t.Apps()
	if len(apps) == 0 {
		return []string{st.Dim.Render(m.c.T(i18n.UICostNothing))}
	}
	var out []string
	section := func(title string) {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, st.Strong.Render(title))
	}

	rows := [][]string{{m.c.T(i18n.UICostColApp), m.c.T(i18n.UICostColKeep), m.c.T(i18n.UICostColRate), m.c.T(i18n.UICostColDetect)}}
	for _, a := range apps {
		ka := a.KeepAlive()
		if ka.Segments == 0 && a.Detections == 0 {
			continue // nothing kept it alive, nothing was lost
		}
		rate := "—"
		if r := a.KeepAlivePerMinute(t, now); ka.Bytes > 0 && r > 0 {
			rate = fmt.Sprintf("%.0f B", r)
		}
		det := "—"
		if a.Detections > 0 {
			det = m.c.T(i18n.UICostDetected, "Mean", format.Dur(a.MeanSilent()), "Count", a.Detections, "Max", format.Dur(a.MaxSilent))
		}
		rows = append(rows, []string{a.Name, countText(ka), rate, det})
	}
	if len(rows) > 1 {
		section(m.c.T(i18n.UICostKeepalive))
		out = append(out, m.table(rows, 2)...)
	}

	section(m.c.T(i18n.UICostClasses))
	head := []string{m.c.T(i18n.UICostColApp)}
	for _, id := range classIDs {
		head = append(head, m.c.T(id))
	}
	rows = [][]string{head}
	for _, a := range apps {
		row := []string{a.Name}
		for c := tally.Class(0); c < tally.NumClasses; c++ {
			row = append(row, bytesText(a.Sent[c].Bytes+a.Recv[c].Bytes))
		}
		rows = append(rows, row)
	}
	out = append(out, m.table(rows, 2)...)

	var pollers []*tally.App
	for _, a := range apps {
		if a.Poll != nil && a.Poll.Requests+a.Poll.Items > 0 {
			pollers = append(pollers, a)
		}
	}
	if len(pollers) > 0 {
		section(m.c.T(i18n.UICostPollers))
		rows = [][]string{{m.c.T(i18n.UICostColApp), m.c.T(i18n.UICostColReq), m.c.T(i18n.UICostColSent), m.c.T(i18n.UICostColRecv),
			m.c.T(i18n.UICostColNews), m.c.T(i18n.UICostColMean), m.c.T(i18n.UICostColMax)}}
		for _, a := range pollers {
			p := a.Poll
			mean, top := "—", "—"
			if p.Items > 0 {
				mean, top = latency(p.MeanLatency()), latency(p.MaxLatency)
			}
			rows = append(rows, []string{a.Name, fmt.Sprint(p.Requests), bytesText(p.BytesSent), bytesText(p.BytesRecv),
				fmt.Sprint(p.Items), mean, top})
		}
		out = append(out, m.table(rows, 2)...)
	}

	out = append(out, m.conns(t)...)

	for _, a := range apps {
		if a.Attempts.Total() < 2 {
			continue
		}
		out = append(out, "")
		out = append(out, m.attempts(a, now)...)
	}
	return out
}

// maxConnRows bounds the connection ends the view lists: a herd's
// thousands are counted in its app's rows; the list names the first.
const maxConnRows = 50

// conns lists the open connection ends' ledgers: segments and bytes sent
// and received, and segments by kind each way.
func (m Model) conns(t *tally.Tally) []string {
	ends := t.Conns()
	if len(ends) == 0 {
		return nil
	}
	head := []string{m.c.T(i18n.UICostColEnd), m.c.T(i18n.UICostColSent), m.c.T(i18n.UICostColRecv)}
	for _, id := range classIDs {
		head = append(head, m.c.T(id))
	}
	build := func(count func(tally.Count) string) [][]string {
		rows := [][]string{head}
		for _, c := range ends[:min(len(ends), maxConnRows)] {
			row := []string{c.Proc + " " + localPort(c.Tuple), count(c.Sent.Total()), count(c.Recv.Total())}
			for k := tally.Class(0); k < tally.NumClasses; k++ {
				row = append(row, arrows(c.Sent[k].Segments, c.Recv[k].Segments))
			}
			rows = append(rows, row)
		}
		return rows
	}
	rows := build(countText)
	if tableWidth(rows, 2) > m.w {
		rows = dropEmpty(rows, 3) // narrow: the kinds no end has give way
	}
	gap := 2
	if tableWidth(rows, gap) > m.w {
		// Then the spaces inside the counts ("18·1.0kB"), and one space
		// between the columns: the cells still line up under their heads.
		rows, gap = dropEmpty(build(compactCount), 3), 1
	}
	out := []string{""}
	for _, l := range format.Wrap(m.c.T(i18n.UICostConns), m.w) {
		out = append(out, m.c.Styles.Strong.Render(l))
	}
	out = append(out, m.table(rows, gap)...)
	if n := len(ends) - maxConnRows; n > 0 {
		out = append(out, m.c.Styles.Dim.Render(m.c.T(i18n.UICostMoreConns, "Count", n)))
	}
	return out
}

// tableWidth is how wide rows are laid out in columns gap spaces apart.
func tableWidth(rows [][]string, gap int) int {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	w := 0
	for i, n := range widths {
		w += n
		if i > 0 {
			w += gap
		}
	}
	return w
}

// dropEmpty drops the columns from the from-th on whose every cell under
// the header is "—".
func dropEmpty(rows [][]string, from int) [][]string {
	keep := func(j int) bool {
		if j < from {
			return true
		}
		for _, r := range rows[1:] {
			if r[j] != "—" {
				return true
			}
		}
		return false
	}
	out := make([][]string, len(rows))
	for j := range rows[0] {
		if keep(j) {
			for i, r := range rows {
				out[i] = append(out[i], r[j])
			}
		}
	}
	return out
}

// localPort is the local end's port of a 5-tuple: ":47659" of
// "tcp 10.0.0.2:47659 > 10.0.0.1:8080".
func localPort(tuple string) string {
	local, _, _ := strings.Cut(strings.TrimPrefix(tuple, "tcp "), " > ")
	if i := strings.LastIndexByte(local, ':'); i >= 0 {
		return local[i:]
	}
	return local
}

// arrows: "3↑ 2↓", "—" for none either way.
func arrows(sent, recv uint64) string {
	if sent+recv == 0 {
		return "—"
	}
	return fmt.Sprintf("%d↑ %d↓", sent, recv)
}

// sparkHeight is the sparkline's height: more when there is room.
func (m Model) sparkHeight() int {
	if m.h >= 40 {
		return 8
	}
	return 3
}

// attempts draws an app's connection attempts per 100 ms, from its first
// to now, as a sparkline: a column holds several steps when the span is
// wider than the view, and then shows its busiest one, so a wave of a
// thousand SYNs in 100 ms stays a thousand.
func (m Model) attempts(a *tally.App, now time.Duration) []string {
	st := m.c.Styles
	peak, peakAt := a.Attempts.Peak()
	lines := []string{st.Strong.Render(format.Clip(m.c.T(i18n.UICostAttempts, "App", a.Name, "Total", a.Attempts.Total(),
		"Peak", peak, "At", format.Stamp(peakAt, false)), m.w))}
	first, _ := a.Attempts.Span()
	end := max(now, first+tally.AttemptStep)
	steps := a.Attempts.Window(first, end+tally.AttemptStep)
	w := max(10, m.w)
	per := (len(steps) + w - 1) / w
	cols := make([]float64, 0, w)
	for i := 0; i < len(steps); i += per {
		top := uint64(0)
		for _, n := range steps[i:min(i+per, len(steps))] {
			top = max(top, n)
		}
		cols = append(cols, float64(top))
	}
	sl := sparkline.New(w, m.sparkHeight(), sparkline.WithStyle(st.Retrans), sparkline.WithMaxValue(float64(max(peak, 1))),
		sparkline.WithNoAutoMaxValue())
	sl.PushAll(cols)
	sl.Draw()
	lines = append(lines, strings.Split(sl.View(), "\n")...)
	step := time.Duration(per) * tally.AttemptStep
	lines = append(lines, st.Dim.Render(format.Clip(m.c.T(i18n.UICostColumns, "From", format.Stamp(first, false),
		"To", format.Stamp(end, false), "Step", format.Dur(step)), m.w)))
	return lines
}

// table lays rows out in columns, the first row a header, each column as
// wide as its widest cell, gap spaces apart. The last column takes what
// is left: a longer cell wraps onto lines of its own under it ("0ms on
// average (1000 times, longest 0ms)") rather than being cut.
func (m Model) table(rows [][]string, gap int) []string {
	st := m.c.Styles
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	widths := make([]int, n)
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	sep := strings.Repeat(" ", gap)
	var out []string
	for i, r := range rows {
		var b strings.Builder
		for j, cell := range r[:len(r)-1] {
			b.WriteString(format.Fit(cell, widths[j]))
			b.WriteString(sep)
		}
		lines := []string{b.String() + r[len(r)-1]}
		if lead := format.Width(b.String()); format.Width(lines[0]) > m.w && m.w-lead >= minLastColumn {
			lines = nil
			for k, l := range format.Wrap(r[len(r)-1], m.w-lead) {
				if k == 0 {
					lines = append(lines, b.String()+l)
				} else {
					lines = append(lines, strings.Repeat(" ", lead)+l)
				}
			}
		}
		for _, line := range lines {
			line = format.Clip(line, m.w)
			if i == 0 {
				line = st.Dim.Render(line)
			}
			out = append(out, line)
		}
	}
	return out
}

// minLastColumn is the narrowest a table's last column is wrapped into;
// narrower, the row is cut.
const minLastColumn = 12

// latency is a poller's latency to the millisecond, as the poll_latency
// expectations report it: "2.573s", "40ms".
func latency(d time.Duration) string { return netsim.Shown(d).String() }

// countText: "5 · 200 B".
func countText(c tally.Count) string {
	if c.Segments == 0 {
		return "—"
	}
	return fmt.Sprintf("%d · %s", c.Segments, bytesText(c.Bytes))
}

// compactCount is countText without its spaces, for a narrow table:
// "5·200B".
func compactCount(c tally.Count) string { return strings.ReplaceAll(countText(c), " ", "") }

// bytesText: "280 B", "36.1 kB", "2.40 MB".
func bytesText(n uint64) string {
	switch {
	case n == 0:
		return "—"
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1_000_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	}
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}
