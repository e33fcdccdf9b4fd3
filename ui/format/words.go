package format

import "strconv"

// Itoa is strconv.Itoa.
func Itoa(n int) string { return strconv.Itoa(n) }

// Plural: "1 live input", "3 live inputs".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return Itoa(n) + " " + what + "s"
}

// ShortState abbreviates a TCP state for narrow screens.
func ShortState(s string) string {
	switch s {
	case "ESTABLISHED":
		return "ESTAB"
	case "SYN_RECEIVED":
		return "SYN_RCVD"
	case "FIN_WAIT_1":
		return "FIN_WT1"
	case "FIN_WAIT_2":
		return "FIN_WT2"
	case "CLOSE_WAIT":
		return "CLS_WAIT"
	case "TIME_WAIT":
		return "TIME_WT"
	}
	return s
}

// Clamp holds v within [lo, hi].
func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
