package feed

import (
	"strconv"
	"strings"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// Filter is what the wire shows when the reader filters it (/): words,
// every one of which a row must match.
//
//	client  server  clients#7   a host or an application instance ("client#7"
//	                            finds clients#7: a group's name may be cut short)
//	47659  :47659               a connection, by a port of its ends
//	10.0.0.2  10.0.0.2:47659    an address on the wire
//	SYN FIN RST PSH ACK         a flag (upper case)
//	keepalive retransmission    a kind of segment; heartbeat, data, dropped too
//	heartbeat data dropped
//
// The zero Filter keeps every row.
type Filter struct {
	text  string
	terms []term
}

type termKind uint8

const (
	termName termKind = iota
	termPort
	termAddr
	termFlag
	termSeg
)

type term struct {
	kind termKind
	word string // lower case for names
	port uint16
	flag netsim.Flags
	seg  segKind
}

// segKind is a kind of segment the filter knows.
type segKind uint8

const (
	segKeepalive segKind = iota + 1
	segRetransmission
	segHeartbeat
	segData
	segDropped
)

var segKinds = map[string]segKind{
	"keepalive": segKeepalive, "retransmission": segRetransmission, "heartbeat": segHeartbeat,
	"data": segData, "dropped": segDropped,
}

var flagWords = map[string]netsim.Flags{
	"SYN": netsim.SYN, "FIN": netsim.FIN, "RST": netsim.RST, "PSH": netsim.PSH, "ACK": netsim.ACK,
}

// ParseFilter reads the words of a filter. Every word means something
// (a word that is no flag, kind, port or address is a name), so it cannot
// fail; the empty text is the zero Filter.
func ParseFilter(text string) Filter {
	f := Filter{text: strings.Join(strings.Fields(text), " ")}
	for _, w := range strings.Fields(text) {
		t := term{kind: termName, word: strings.ToLower(w)}
		if fl, ok := flagWords[w]; ok {
			t = term{kind: termFlag, flag: fl}
		} else if k, ok := segKinds[strings.ToLower(w)]; ok {
			t = term{kind: termSeg, seg: k}
		} else if n, err := strconv.ParseUint(strings.TrimPrefix(w, ":"), 10, 16); err == nil && n > 0 {
			t = term{kind: termPort, port: uint16(n)}
		} else if strings.Count(w, ".") == 3 {
			t = term{kind: termAddr, word: w}
		}
		f.terms = append(f.terms, t)
	}
	return f
}

// String is the filter as the reader typed it, spaces tidied.
func (f Filter) String() string { return f.text }

// active says the filter keeps only some rows.
func (f Filter) active() bool { return len(f.terms) > 0 }

// Active says the filter keeps only some rows.
func (f Filter) Active() bool { return f.active() }

// NeedsFate says the filter asks what became of a packet (dropped): a
// packet's row can be judged only once it arrived or died.
func (f Filter) NeedsFate() bool {
	for _, t := range f.terms {
		if t.kind == termSeg && t.seg == segDropped {
			return true
		}
	}
	return false
}

// Match says the row is one the filter keeps.
func (f Filter) Match(r *Row) bool {
	for _, t := range f.terms {
		if !t.match(r) {
			return false
		}
	}
	return true
}

func (t term) match(r *Row) bool {
	seg := r.Kind == RowSegment
	switch t.kind {
	case termFlag:
		return seg && r.Flags&t.flag != 0
	case termSeg:
		if !seg {
			return false
		}
		switch t.seg {
		case segKeepalive:
			return r.Note == netsim.NoteKeepalive
		case segRetransmission:
			return r.Note == netsim.NoteRetransmission || r.Note == netsim.NoteTailLossProbe || r.Note == netsim.NoteFastRetransmission
		case segHeartbeat:
			return r.Msg == "heartbeat" || r.Msg == "heartbeat_ack"
		case segData:
			return r.Length > 0
		case segDropped:
			return r.Fate == netsim.FateDropped
		}
	case termPort:
		return r.Port == t.port || hasPort(r.Tuple, t.port)
	case termAddr:
		return strings.Contains(r.Tuple, t.word) || strings.Contains(r.Text.String(), t.word)
	case termName:
		for _, n := range rowNames(r) {
			if nameMatches(t.word, n) {
				return true
			}
		}
	}
	return false
}

// hasPort says the tuple ("[tcp ]a:p > b:q") has port p at one end.
func hasPort(tuple string, port uint16) bool {
	p := ":" + strconv.Itoa(int(port))
	for _, end := range strings.Split(strings.TrimPrefix(tuple, "tcp "), " > ") {
		if strings.HasSuffix(end, p) {
			return true
		}
	}
	return false
}

// rowNames are the hosts and applications a row concerns.
func rowNames(r *Row) []string {
	names := []string{r.Src, r.Owners[0], r.Owners[1], r.Who}
	switch r.Kind {
	case RowSegment:
		names = append(names, r.Dst, r.Where)
	case RowFault:
		if e, ok := r.Event.(*netsim.FaultEvent); ok {
			host, proc, _ := strings.Cut(e.Target, "/")
			names = append(names, host, proc)
		}
	case RowFlow:
		if e, ok := r.Event.(*netsim.FlowEvent); ok {
			names = append(names, e.Box)
		}
	case RowDetect:
		if e, ok := r.Event.(*lab.DetectEvent); ok {
			names = append(names, e.Host)
		}
	}
	return names
}

// nameMatches says a filter word names n: the same name (any case), a
// group's name for any of its instances ("clients" for clients#7), or an
// instance by a shortened group name and its number ("client#7").
func nameMatches(word, n string) bool {
	if n == "" {
		return false
	}
	n = strings.ToLower(n)
	if n == word {
		return true
	}
	base, idx, grouped := strings.Cut(n, "#")
	if !grouped {
		return false
	}
	if wb, wi, ok := strings.Cut(word, "#"); ok {
		return wi == idx && wb != "" && strings.HasPrefix(base, wb)
	}
	return word == base
}
