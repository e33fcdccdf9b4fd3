// Package hosts is the hosts pane: each node in wire order — a host with
// its power, listening sockets (and their accept queues) and applications,
// a firewall or NAT with its policy and flow table, each flow's idle time
// against its timeout — then the links with their latency and loss. When
// the pane is short, flows and then links give way to the nodes, and a
// last line says what is left out.
package hosts
