package ladder

import (
	"strconv"
	"strings"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// cell classes of a ladder row: how each cell is styled.
const (
	cNone uint8 = iota
	cLane
	cBody
	cLabel
	cDrop
	cHead
	nClasses
)

// wireView renders the wire pane for one frame: a time column, the port
// tag of the row's connection, then the lanes over the rest of the width.
type wireView struct {
	c     *common.Common
	st    styles.Styles
	w     int // content width
	wide  bool
	tw    int // time column width
	lanes lanes
	via   Paths

	runes []rune // scratch cells of one row; 0 continues a wide character
	class []uint8
	paint *styles.Painters
}

// tagWidth is the width of the port tag column: ":65535" and a space.
const tagWidth = 7

func newWireView(c *common.Common, w int, nodes []string, via Paths) *wireView {
	v := &wireView{c: c, st: c.Styles, w: w, wide: w >= 100, via: via}
	v.tw = format.StampWidth(v.wide)
	laneW := max(0, w-v.tw-1-tagWidth)
	v.lanes = placeLanes(nodes, laneW)
	v.runes = make([]rune, laneW)
	v.class = make([]uint8, laneW)
	v.paint = &v.st.P
	return v
}

// header names the lanes, each centred on its lane; when two names would
// touch (more nodes than the width spreads apart: their rows are words
// then), the names in lane order, a space between them, as far as they
// fit — never "home-ahome-b".
func (v *wireView) header() string {
	v.clear()
	starts := make([]int, len(v.lanes.names))
	end := -1 // the cell after the last name placed, and a space
	for i, name := range v.lanes.names {
		nw := format.Width(name)
		starts[i] = format.Clamp(v.lanes.x[i]-nw/2, 0, max(0, v.lanes.width-nw))
		if starts[i] < end {
			starts = nil
			break
		}
		end = starts[i] + nw + 1
	}
	if starts == nil {
		v.write(0, format.Clip(strings.Join(v.lanes.names, " "), v.lanes.width), cLabel, 1)
	} else {
		for i, name := range v.lanes.names {
			v.write(starts[i], name, cLabel, 1)
		}
	}
	return v.paint.Dim.Paint(format.Fit(v.c.T(i18n.UIWireTime), v.tw)+" "+format.Fit(v.c.T(i18n.UIWirePort), tagWidth)) + v.cells(v.paint.Strong, v.paint.Strong)
}

// maxRowLines is how many lines a row of words may take in the pane when
// one does not hold them: a detection's rule or a forgotten flow is read
// whole ("3 in a row (heartbeat.max_missed)", not "3 in a row (h…"), and
// no row crowds the others out.
const maxRowLines = 3

// row renders one row of the ladder on one line, its words cut when they
// do not fit (a drill's rows, each beside its script line); selected marks
// the wire's cursor.
func (v *wireView) row(r *feed.Row, selected bool) string { return v.rowLines(r, selected, 1)[0] }

// rowLines renders one row of the ladder in at most most lines: a row
// drawn as words (not across the lanes) that is too long for one line
// continues on the next, under its first word, and is cut only on its
// last.
func (v *wireView) rowLines(r *feed.Row, selected bool, most int) []string {
	t := v.paint.Time.Paint(format.Stamp(r.At, v.wide))
	if selected {
		t = v.paint.Selected.Paint(format.Stamp(r.At, v.wide))
	}
	gap := " "
	if selected {
		gap = "▸"
	}
	tag := ""
	if r.Port != 0 {
		tag = ":" + strconv.Itoa(int(r.Port))
	}
	t += gap + v.paint.Dim.Paint(format.Fit(tag, tagWidth))
	switch r.Kind {
	case feed.RowSegment:
		if body, ok := v.segment(r); ok {
			return []string{t + body}
		}
		text, st := v.segmentText(r)
		return v.words(t, "", text, st, most)
	case feed.RowState:
		if body, ok := v.state(r); ok {
			return []string{t + body}
		}
	case feed.RowSyscall:
		if body, ok := v.syscall(r); ok {
			return []string{t + body}
		}
	}
	mark, text, st := v.textRow(r)
	return v.words(t, mark, text, st, most)
}

// words lays out a row drawn as words after its time and port columns
// (head): mark then text in one line when they fit (or when most is 1:
// cut), else text wrapped in at most most lines, each after the first
// indented by the mark's width.
func (v *wireView) words(head, mark, text string, st styles.Painter, most int) []string {
	w := len(v.runes)
	mw := format.Width(mark)
	if most <= 1 || mw+format.Width(text) <= w || w-mw < 8 {
		return []string{head + st.Paint(format.Clip(mark+text, w))}
	}
	lines := format.Wrap(text, w-mw)
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = format.Ellipsis(lines[most-1], w-mw)
	}
	out := make([]string, len(lines))
	out[0] = head + st.Paint(mark+lines[0])
	indent := strings.Repeat(" ", v.tw+1+tagWidth+mw)
	for i, l := range lines[1:] {
		out[i+1] = indent + st.Paint(l)
	}
	return out
}

// syscall draws a script's call at its host's lane, as a state change is
// drawn, with a mark of its own: "├» write(4, 100) = 100" on the left,
// "read(3) = -1 ECONNRESET <1.01 s> «┤" on the right. A failed call is in
// the colour of trouble, a read of end of file in the colour of warning.
func (v *wireView) syscall(r *feed.Row) (string, bool) {
	i := v.lanes.of(r.Src)
	if i < 0 || !v.lanes.ok {
		return "", false
	}
	x := v.lanes.x[i]
	room := x - 2 // written leftwards from x-3
	if x < v.lanes.width/2 {
		room = v.lanes.width - x - 3
	}
	text := v.syscallText(r, false)
	if format.Width(text) > room {
		text = v.syscallText(r, true)
	}
	v.clear()
	if x < v.lanes.width/2 {
		v.set(x, '├', cBody)
		v.set(x+1, '»', cBody)
		v.write(x+3, text, cLabel, 1)
	} else {
		v.set(x, '┤', cBody)
		v.set(x-1, '«', cBody)
		v.write(x-3, text, cLabel, -1)
	}
	st := v.paint.Text
	if e, ok := r.Event.(*script.SyscallEvent); ok {
		switch {
		case e.Failed():
			st = v.paint.Bad
		case e.EOF():
			st = v.paint.Warn
		}
	}
	return v.cells(st, st), true
}

// syscallText is a call's row text, short (feed.SyscallText) or not,
// with its fold count.
func (v *wireView) syscallText(r *feed.Row, short bool) string {
	text := r.Text.In(v.c.Lang)
	if e, ok := r.Event.(*script.SyscallEvent); ok && short {
		text = feed.SyscallText(e, true).In(v.c.Lang)
	}
	return v.likeIt(text, r.More)
}

// likeIt adds a folded row's count to its text: "… (+3 like it)".
func (v *wireView) likeIt(text string, more int) string {
	if more > 0 {
		return v.c.T(i18n.UILikeIt, "Text", text, "N", more)
	}
	return text
}

// state draws a TCP state change at its host's lane, the words on the
// side of the lane towards the middle: "├─ SYN_SENT → ESTABLISHED" on the
// left, "FIN_WAIT_1 → CLOSED ─┤" on the right.
func (v *wireView) state(r *feed.Row) (string, bool) {
	i := v.lanes.of(r.Src)
	if i < 0 || !v.lanes.ok {
		return "", false
	}
	x := v.lanes.x[i]
	text := v.likeIt(r.From.String()+" → "+r.To.String(), r.More)
	v.clear()
	if x < v.lanes.width/2 {
		v.set(x, '├', cBody)
		v.set(x+1, '─', cBody)
		v.write(x+3, text, cLabel, 1)
	} else {
		v.set(x, '┤', cBody)
		v.set(x-1, '─', cBody)
		v.write(x-3, text, cLabel, -1)
	}
	st := v.paint.State(r.To.String())
	return v.cells(st, st), true
}

// textRow is a row that is not a packet, in words: its mark ("! " for a
// detection), its text (the short one, without the peer, when the full
// one does not fit a line) and its colour.
func (v *wireView) textRow(r *feed.Row) (mark, text string, st styles.Painter) {
	switch r.Kind {
	case feed.RowFault:
		mark, st = "✖ ", v.paint.FaultRow
	case feed.RowDetect:
		mark, st = "! ", v.paint.DetectRow
	case feed.RowReconnect:
		mark, st = "↺ ", v.paint.ReconnectRow
	case feed.RowFlow:
		mark, st = "~ ", v.paint.FlowRow
	case feed.RowParam:
		mark, st = "= ", v.paint.ParamRow
	case feed.RowLog:
		mark, st = "≡ ", v.paint.LogRow
	case feed.RowNotice:
		mark, st = "✉ ", v.paint.NoticeRow
	case feed.RowState:
		mark, st = "", v.paint.State(r.To.String())
		text = r.Src + " " + r.From.String() + " → " + r.To.String()
	case feed.RowSyscall:
		mark, st = "» "+r.Src+" ", v.paint.Text
	}
	if text == "" {
		text = r.Text.In(v.c.Lang)
	}
	if !r.Says.IsZero() {
		text = v.c.Actor(r.Who, r.Says.In(v.c.Lang))
	}
	text = v.likeIt(text, r.More)
	if format.Width(mark+text) > len(v.runes) && !r.Short.IsZero() {
		text = v.likeIt(v.c.Actor(r.Who, r.Short.In(v.c.Lang)), r.More) // the port column names the peer
	}
	return mark, text, st
}

// segmentText is the fallback for a packet whose ends are not lanes (or
// when the lanes are too close together): "client → server label", the
// label compact when the full one does not fit a line.
func (v *wireView) segmentText(r *feed.Row) (string, styles.Painter) {
	to := r.Dst
	if r.Fate != netsim.FateSent {
		to = r.Where
	}
	text := func(compact bool) string {
		s := r.Src + " → " + to + " " + segLabel(r, compact, v.c.Lang)
		if r.Fate == netsim.FateDropped {
			s += " ✗ " + feed.WhyLabel(r.Why, v.c.Lang)
		}
		return s
	}
	s := text(false)
	if format.Width(s) > len(v.runes) {
		s = text(true)
	}
	return s, v.classStyle(r)
}

// segment draws a packet's arrow into the lane cells. ok is false when the
// packet cannot be placed on the lanes.
func (v *wireView) segment(r *feed.Row) (string, bool) {
	if !v.lanes.ok {
		return "", false
	}
	from := v.lanes.of(r.Src)
	if from < 0 {
		return "", false
	}
	a := v.lanes.x[from]
	var b int
	switch r.Fate {
	case netsim.FateSent:
		i := v.lanes.of(r.Dst)
		if i < 0 {
			return "", false
		}
		b = v.lanes.x[i]
	default:
		x, ok := v.lanes.at(r.Where, a)
		if !ok {
			return "", false
		}
		b = x
	}
	v.clear()
	dropped := r.Fate == netsim.FateDropped
	if a == b { // died where it was born: a mark and the reason
		v.set(a, '✗', cDrop)
		v.write(a+2, segLabel(r, true, v.c.Lang)+" ✗ "+feed.WhyLabel(r.Why, v.c.Lang), cLabel, 1)
		return v.cells(v.classStyle(r), v.paint.Drop), true
	}
	dir := 1
	if b < a {
		dir = -1
	}
	body := '─'
	if r.Fate == netsim.FateSent {
		body = '┄'
	}
	// The body runs from next to the sender to next to the head; a head
	// (▶ ◀, ✗ for a drop) ends it.
	end := b - dir // the head's cell for a delivery
	if dropped {
		end = b
	}
	// A lane the packet passes through (a middlebox on its path) shows a
	// junction; any other lane it only crosses on the screen is drawn over.
	to := r.Dst
	if r.Fate != netsim.FateSent {
		to = r.Where
	}
	for x := a + dir; x != end; x += dir {
		if i := v.laneAt(x); i >= 0 && v.via.crosses(r.Src, to, v.lanes.names[i]) {
			v.set(x, '┼', cBody)
		} else {
			v.set(x, body, cBody)
		}
	}
	switch {
	case dropped:
		v.set(end, '✗', cDrop)
	case dir > 0:
		v.set(end, '▶', cHead)
	default:
		v.set(end, '◀', cHead)
	}
	// The label sits in the middle of the body, a cell of line each side.
	lo, hi := min(a, end)+2, max(a, end)-2 // inclusive span left for text
	span := hi - lo + 1
	why := ""
	if dropped {
		room := v.lanes.width - 1 - b
		if dir < 0 {
			room = b
		}
		label := feed.WhyLabel(r.Why, v.c.Lang)
		if format.Width(label)+1 <= room {
			if dir > 0 {
				v.write(b+1, " "+label, cDrop, 1)
			} else {
				v.write(b-1, label+" ", cDrop, -1)
			}
		} else {
			why = " ✗ " + label
		}
	}
	if span >= 3 {
		full, short := segLabel(r, false, v.c.Lang)+why, segLabel(r, true, v.c.Lang)+why
		// Between two lanes the packet passes, so the label does not hide
		// the junction of a middlebox; over the whole arrow only when no
		// stretch holds even the short form.
		from, to := v.stretch(lo, hi, format.Width(full)+2, dir)
		label := full
		if from < 0 {
			from, to = v.stretch(lo, hi, format.Width(short)+2, dir)
			label = short
		}
		if from < 0 {
			from, to = lo, hi
			if format.Width(full)+2 > span {
				label = short
			}
		}
		n := to - from + 1
		label = " " + format.Clip(label, n-2) + " "
		v.write(from+(n-format.Width(label))/2, label, cLabel, 1)
	}
	return v.cells(v.classStyle(r), v.paint.Drop), true
}

// stretch is the stretch of the arrow's body between lo and hi
// (inclusive) nearest its sender (dir > 0: the sender is at lo) that
// crosses no lane and holds need cells, with a cell of line kept beside
// each lane; from is -1 when there is none.
func (v *wireView) stretch(lo, hi, need, dir int) (from, to int) {
	from, to = -1, -1
	start := lo
	for x := lo; x <= hi+1; x++ {
		if x <= hi && v.laneAt(x) < 0 && v.runes[x] != '┼' {
			continue
		}
		end := x - 1
		if x <= hi {
			end = x - 2 // a cell of line before the lane
		}
		if end-start+1 >= need {
			from, to = start, end
			if dir > 0 {
				return from, to
			}
		}
		start = x + 2
	}
	return from, to
}

// laneAt is the lane drawn at column x, or -1.
func (v *wireView) laneAt(x int) int {
	if v.class[x] != cLane {
		return -1
	}
	for i, lx := range v.lanes.x {
		if lx == x {
			return i
		}
	}
	return -1
}

// clear resets the cells to empty lanes.
func (v *wireView) clear() {
	for i := range v.runes {
		v.runes[i], v.class[i] = ' ', cNone
	}
	for _, x := range v.lanes.x {
		if x >= 0 && x < len(v.runes) {
			v.runes[x], v.class[x] = '│', cLane
		}
	}
}

// set puts r into cell x. A character two cells wide takes the next cell
// too (held as 0, which paint skips), or gives way to a space in the last
// cell; writing over half of a wide character blanks its other half, so
// a row is always exactly its width.
func (v *wireView) set(x int, r rune, c uint8) {
	n := len(v.runes)
	if x < 0 || x >= n {
		return
	}
	if v.runes[x] == 0 && x > 0 {
		v.runes[x-1] = ' ' // the left half of a wide character
	}
	if x+1 < n && v.runes[x+1] == 0 {
		v.runes[x+1] = ' ' // the right half of the one that was here
	}
	v.runes[x], v.class[x] = r, c
	if r >= 0x1100 && format.RuneWidth(r) == 2 {
		if x+1 == n {
			v.runes[x] = ' '
			return
		}
		if x+2 < n && v.runes[x+2] == 0 {
			v.runes[x+2] = ' '
		}
		v.runes[x+1], v.class[x+1] = 0, c
	}
}

// write puts s into the cells from x, going right (dir 1) or, for dir -1,
// ending at x. A character two cells wide takes its cell and the next.
func (v *wireView) write(x int, s string, c uint8, dir int) {
	if dir < 0 {
		x -= format.Width(s) - 1
	}
	for _, r := range s {
		v.set(x, r, c)
		x += max(1, format.RuneWidth(r))
	}
}

// cells renders the cells: runs of one class in one style.
func (v *wireView) cells(main, drop styles.Painter) string {
	styles := [nClasses]styles.Painter{cLane: v.paint.Lane, cBody: main, cLabel: main, cDrop: drop, cHead: main}
	var b strings.Builder
	b.Grow(4*len(v.runes) + 64)
	start := 0
	for i := 1; i <= len(v.runes); i++ {
		if i < len(v.runes) && v.class[i] == v.class[start] {
			continue
		}
		p := styles[v.class[start]]
		b.WriteString(p.Start())
		for _, r := range v.runes[start:i] {
			if r != 0 { // 0 continues a wide character
				b.WriteRune(r)
			}
		}
		b.WriteString(p.End())
		start = i
	}
	return b.String()
}

// classStyle is the colour of a packet: by what it is for.
func (v *wireView) classStyle(r *feed.Row) styles.Painter {
	p := v.paint
	switch {
	case r.Fate == netsim.FateSent:
		return p.InFlight
	case r.Flags&netsim.RST != 0:
		return p.Rst
	case r.Note == netsim.NoteKeepalive:
		return p.Keepalive
	case r.Note != 0:
		return p.Retrans
	case r.Flags&netsim.SYN != 0:
		return p.Syn
	case r.Flags&netsim.FIN != 0:
		return p.Fin
	case r.Msg == "heartbeat" || r.Msg == "heartbeat_ack":
		return p.Beat
	}
	return p.Arrow
}

// segLabel says what a packet is: its mark (retransmission, keepalive
// probe), the application message it carries (a heartbeat by number), and
// its header with relative sequence numbers, in full ("[PSH|ACK] seq=1
// ack=1 len=8") or compact, tcpdump-like ("[P.] 1:9 ack 1").
func segLabel(r *feed.Row, compact bool, l i18n.Lang) string {
	var parts []string
	if m := noteMark(r.Note, compact, l); m != "" {
		parts = append(parts, m)
	}
	if name := feed.MessageLabel(r, l); name != "" {
		parts = append(parts, name)
	}
	if r.Proto == netsim.UDP {
		parts = append(parts, "udp len="+format.Itoa(r.Length))
		return strings.Join(parts, " ")
	}
	seq := strconv.FormatUint(uint64(r.Seq), 10)
	ack := strconv.FormatUint(uint64(r.Ack), 10)
	if compact {
		h := "[" + tcpdumpFlags(r.Flags) + "] " + seq
		if r.Length > 0 {
			h += ":" + strconv.FormatUint(uint64(r.Seq)+uint64(r.Length), 10)
		}
		if r.Flags&netsim.ACK != 0 {
			h += " ack " + ack
		}
		parts = append(parts, h)
	} else {
		h := "[" + r.Flags.String() + "] seq=" + seq
		if r.Flags&netsim.ACK != 0 {
			h += " ack=" + ack
		}
		parts = append(parts, h+" len="+format.Itoa(r.Length))
	}
	return strings.Join(parts, " ")
}

// noteMark marks what a segment is for the stack.
func noteMark(note netsim.Note, compact bool, l i18n.Lang) string {
	switch note {
	case 0:
		return ""
	case netsim.NoteRetransmission:
		if compact {
			return "↻"
		}
		return "↻ " + l.T(i18n.UIRetransmission)
	case netsim.NoteTailLossProbe:
		return "↻ TLP"
	case netsim.NoteKeepalive:
		if compact {
			return "keepalive"
		}
		return l.T(i18n.UIKeepaliveProbe)
	}
	return note.String()
}

// tcpdumpFlags renders flags as tcpdump does: S, F, R, P, and . for ACK.
func tcpdumpFlags(f netsim.Flags) string {
	s := ""
	for _, x := range []struct {
		f netsim.Flags
		c string
	}{{netsim.SYN, "S"}, {netsim.FIN, "F"}, {netsim.RST, "R"}, {netsim.PSH, "P"}, {netsim.ACK, "."}} {
		if f&x.f != 0 {
			s += x.c
		}
	}
	return s
}
