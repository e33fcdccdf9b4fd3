package netsim

import "time"

// Windows returns the defaults of Windows 10/11 and Server 2019+. Microsoft
// documents fewer of its numbers than Linux does; each line names its
// source, and where it found none the model's choice is said so.
func Windows() Profile {
	return Profile{
		Name: "windows",
		// netsh int tcp show global, "Initial RTO: 3000" (Microsoft
		// Learn, performance tuning network adapters); with 2 SYN
		// retransmissions it gives the well-known 21 s connect failure
		// (3 + 6 + 12).
		InitialRTO:        3 * time.Second,
		MinRTO:            300 * time.Millisecond, // Get-NetTCPSetting Internet template, MinRto(ms) 300
		MaxRTO:            60 * time.Second,       // TCP_MAXRT documentation: "maximum value of 60sec"
		RTTEstimator:      EstimatorRFC6298,
		TailLossProbe:     true, // RACK/TLP since Windows 10 1607
		SynRetries:        2,    // MaxSynRetransmissions 2
		SynLinearTimeouts: 0,
		SynAckRetries:     2, // not documented; the model uses MaxSynRetransmissions
		Retries2:          5, // TcpMaxDataRetransmissions, a count
		RetriesByTime:     false,
		KeepIdle:          2 * time.Hour,          // SO_KEEPALIVE: "default keep-alive timeout is 2 hours"
		KeepIntvl:         time.Second,            // "... interval is 1 second"
		KeepCnt:           10,                     // "On Windows Vista and later ... set to 10"
		TimeWait:          120 * time.Second,      // TcpTimedWaitDelay default 0x78
		FinTimeout:        120 * time.Second,      // not documented; the model uses TcpTimedWaitDelay
		DelayedACK:        200 * time.Millisecond, // TcpAckFrequency / KB 328890
		MSS:               1460,
		TTL:               128, // the DefaultTTL registry value, 128 by default
		InitCwnd:          10,  // since Windows 10 1607
		RcvBuf:            65536,
		SomaxConn:         200, // SOMAXCONN_HINT clamps to 200..65535; providers choose
		EphemeralLow:      49152,
		EphemeralHigh:     65535, // KB 929851
	}
}

// MacOS returns the defaults of macOS (XNU bsd/netinet).
func MacOS() Profile {
	return Profile{
		Name:       "macos",
		InitialRTO: time.Second, // TCPTV_RTOBASE
		// tcp_rexmt_min 30 ms plus tcp_rexmt_slop 200 ms once established.
		MinRTO:        230 * time.Millisecond,
		MaxRTO:        64 * time.Second, // TCPTV_REXMTMAX
		RTTEstimator:  EstimatorRFC6298,
		TailLossProbe: true, // net.inet.tcp.enable_tlp = 1
		// tcp_syn_backoff[] = {1,1,1,1,1,2,4,8,16,32,64,64,64}: five 1 s
		// timeouts, then doubling; connect() gives up at tcp_keepinit.
		SynRetries:        12,
		SynLinearTimeouts: 4,
		SynAckRetries:     5,                // ordinary backoff; not a separate setting in XNU
		ConnectTimeout:    75 * time.Second, // TCPTV_KEEP_INIT, net.inet.tcp.keepinit
		Retries2:          12,               // TCP_MAXRXTSHIFT, a count
		RetriesByTime:     false,
		KeepIdle:          7200 * time.Second,     // net.inet.tcp.keepidle
		KeepIntvl:         75 * time.Second,       // net.inet.tcp.keepintvl
		KeepCnt:           8,                      // net.inet.tcp.keepcnt
		TimeWait:          30 * time.Second,       // 2 × net.inet.tcp.msl (15 s)
		FinTimeout:        60 * time.Second,       // TCPTV_FINWAIT2
		DelayedACK:        100 * time.Millisecond, // tcp_delack timer
		MSS:               1460,
		TTL:               64, // net.inet.ip.ttl (IPDEFTTL)
		InitCwnd:          10,
		RcvBuf:            131072,
		SomaxConn:         128, // kern.ipc.somaxconn
		EphemeralLow:      49152,
		EphemeralHigh:     65535,
	}
}
