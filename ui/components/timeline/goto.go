package timeline

import (
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
)

// ParseTime reads a time typed at the prompt: a Go duration ("1m30s",
// "90s", "1h2m"), seconds ("90", "12.5"), or a clock as the screen shows
// it ("01:30", "1:02:03", "00:01:45.030").
func ParseTime(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := i18n.NewError(i18n.UINotATime, "Value", s)
	if s == "" {
		return 0, bad
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return 0, i18n.NewError(i18n.UIBeforeStart, "Value", s)
		}
		return d, nil
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, bad
	}
	var d time.Duration
	for i, p := range parts {
		if i == len(parts)-1 {
			f, err := strconv.ParseFloat(p, 64)
			if err != nil || f < 0 || (len(parts) > 1 && f >= 60) || f > 1e9 {
				return 0, bad
			}
			d += time.Duration(f * float64(time.Second))
			break
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || (i > 0 && n >= 60) || n > 1e6 {
			return 0, bad
		}
		unit := time.Minute
		if len(parts) == 3 && i == 0 {
			unit = time.Hour
		}
		d += time.Duration(n) * unit
	}
	return d, nil
}
