// Package inspector is the packet inspector: a wire row opened, as
// Wireshark's packet details and Packet Tracer's PDU view show a packet.
//
//	its story
//	  sent 01:00.020 by client: the application's write()
//	  delivered to server at 01:00.030, 10ms later
//	  acknowledges #55: pong #5 [PSH|ACK] from server
//	IPv4  10.0.0.2 → 10.0.0.1
//	      TTL 64 · length 54 · ID 7186 (0x1c12) · DF · checksum 0x0ac3
//	TCP   47659 → 8080
//	      seq 57 (absolute 132062221) · ack 71 (absolute 2935553177)
//	      flags 0x018 PSH|ACK: CWR=0 ECE=0 URG=0 ACK=1 PSH=1 RST=0 SYN=0 FIN=0
//	      header 20 B · window 64240 · checksum 0x5e21
//	      options: none
//	payload 14 B: ping #6
//	  0000  01 0c 00 00 00 06 00 00 00 0e 00 00 00 0e 4f 2a  ..............O*
//
// Its story is netsim's (Packet.Story: the trigger that sent it, the
// packet it answers and the one it acknowledges) and the packet's fate
// (the row's end event: delivered, or dropped where and why, and a NAT's
// rewrite). The headers are the packet's bytes as the pcap export writes
// them (netsim.Packet: TTL, ID, lengths and checksums from one
// implementation); sequence numbers show relative, as the wire does, and
// absolute. The page opens it on the wire's selected row and moves it with
// the wire's cursor; Acks and Answers name the packets it can jump to.
package inspector
