package ladder

import (
	"slices"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/script"
)

// NodeOrder lays the lab's nodes (hosts and middleboxes) out from left to
// right as the wire and the hosts pane show them: the farther a node is
// from the (first) server, the further left it goes, so clients sit on the
// left, middleboxes in the middle and the server on the right. Ties keep the
// configuration's order; nodes no link reaches come first.
func NodeOrder(cfg *lab.Config) []string {
	var nodes []string
	for _, h := range cfg.Hosts {
		nodes = append(nodes, h.Name)
	}
	for _, m := range cfg.Middleboxes {
		nodes = append(nodes, m.Name)
	}
	adj := map[string][]string{}
	for _, l := range cfg.Links {
		adj[l.A] = append(adj[l.A], l.B)
		adj[l.B] = append(adj[l.B], l.A)
	}
	server := ""
	for _, a := range cfg.Apps {
		if a.Kind == lab.KindServer || a.Kind == lab.KindFeed || a.Kind == lab.KindScript && script.Listens(a.Steps) {
			server = a.Host
			break
		}
	}
	if server == "" && len(cfg.Hosts) > 0 {
		server = cfg.Hosts[len(cfg.Hosts)-1].Name
	}
	dist := map[string]int{server: 0}
	queue := []string{server}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range adj[n] {
			if _, seen := dist[m]; !seen {
				dist[m] = dist[n] + 1
				queue = append(queue, m)
			}
		}
	}
	far := len(nodes) + 1 // unreachable: leftmost
	key := func(n string) int {
		if d, ok := dist[n]; ok {
			return d
		}
		return far
	}
	slices.SortStableFunc(nodes, func(a, b string) int { return key(b) - key(a) })
	return nodes
}

// Paths knows, for each pair of nodes, the nodes a packet between them
// passes through (a shortest path over the links), so that the wire marks
// with ┼ only the lanes a packet really crosses.
type Paths map[[2]string]map[string]bool

func NewPaths(cfg *lab.Config, nodes []string) Paths {
	adj := map[string][]string{}
	for _, l := range cfg.Links {
		adj[l.A] = append(adj[l.A], l.B)
		adj[l.B] = append(adj[l.B], l.A)
	}
	p := Paths{}
	for _, from := range nodes {
		prev := map[string]string{from: ""}
		queue := []string{from}
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			for _, m := range adj[n] {
				if _, seen := prev[m]; !seen {
					prev[m] = n
					queue = append(queue, m)
				}
			}
		}
		for _, to := range nodes {
			if _, ok := prev[to]; !ok || to == from {
				continue
			}
			on := map[string]bool{}
			for n := prev[to]; n != from && n != ""; n = prev[n] {
				on[n] = true
			}
			p[[2]string{from, to}] = on
		}
	}
	return p
}

// crosses says whether a packet from a to b passes through node n.
func (p Paths) crosses(a, b, n string) bool { return p[[2]string{a, b}][n] }
