package sweep

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
)

// Kind is what a parameter's values are.
type Kind uint8

// Kinds of values.
const (
	Duration Kind = iota // Go durations: 5s, 1m30s (a plot reads them in seconds)
	Number               // numbers: 100, 0.05
	Word                 // words: exponential, full-jitter (a plot places them in order)
)

// String is the kind's code: "duration".
func (k Kind) String() string {
	return [...]string{"duration", "number", "word"}[k]
}

// MaxValues bounds the values of one parameter: a curve of a thousand
// points is finer than any screen or page draws it.
const MaxValues = 1000

// Value is one value of a parameter: its text, as --set takes it, and
// where a plot puts it (seconds for a duration, the number for a number,
// the place in the list for a word).
type Value struct {
	Text string
	X    float64
}

// Param is a parameter a sweep changes, and the values it takes.
type Param struct {
	// Path is the parameter's path, as --set takes it
	// ("apps.client.heartbeat.interval").
	Path string
	// Spec is the flag's text after the "=": "5s..60s/5s".
	Spec   string
	Kind   Kind
	Values []Value
	// Log says the values grow by a factor (a log range): a plot uses a
	// logarithmic axis.
	Log bool
}

// ParseParam reads PATH=SPEC, a --vary (or --with) flag's value. SPEC is
//
//	a list        5s,10s,30s     exponential,full-jitter     100,1000
//	a range       1s..60s/5s     from 1 s to 60 s in steps of 5 s
//	a log range   1s..1h*2       from 1 s, doubling, up to 1 h
//
// of durations (Go's syntax), numbers, or (in a list) words. A range's
// values stop at its end, which is a value only when the steps land on
// it. Whether a value suits the path is the scenario's to say: the sweep
// loads it with --set PATH=VALUE.
func ParseParam(flag string) (Param, error) {
	path, spec, ok := strings.Cut(flag, "=")
	path, spec = strings.TrimSpace(path), strings.TrimSpace(spec)
	if !ok || path == "" || spec == "" {
		return Param{}, i18n.NewError(i18n.SweepPathSpec)
	}
	p := Param{Path: path, Spec: spec}
	var err error
	if lo, rest, isRange := strings.Cut(spec, ".."); isRange {
		err = p.parseRange(lo, rest)
	} else {
		err = p.parseList(spec)
	}
	if err != nil {
		return Param{}, err
	}
	if len(p.Values) > MaxValues {
		return Param{}, i18n.NewError(i18n.SweepTooManyValues, "Count", len(p.Values), "Max", MaxValues)
	}
	return p, nil
}

// parseList reads a list: all durations, all numbers, or words.
func (p *Param) parseList(spec string) error {
	items := strings.Split(spec, ",")
	if len(items) > MaxValues {
		return i18n.NewError(i18n.SweepTooManyValues, "Count", len(items), "Max", MaxValues)
	}
	p.Kind = Number
	for i, s := range items {
		s = strings.TrimSpace(s)
		items[i] = s
		if s == "" {
			return i18n.NewError(i18n.SweepEmptyValue, "Index", i+1)
		}
		switch kindOf(s) {
		case Word:
			p.Kind = Word
		case Duration:
			if p.Kind == Number {
				p.Kind = Duration
			}
		}
	}
	seen := map[string]bool{}
	for i, s := range items {
		if seen[s] {
			return i18n.NewError(i18n.SweepValueTwice, "Value", s)
		}
		seen[s] = true
		v := Value{Text: s, X: float64(i)}
		switch p.Kind {
		case Duration:
			d, err := time.ParseDuration(s)
			if err != nil { // a number among durations: only 0 needs no unit
				return i18n.NewError(i18n.SweepNoUnit, "Value", s)
			}
			v = Value{Text: s, X: d.Seconds()}
		case Number:
			f, _ := strconv.ParseFloat(s, 64)
			v.X = f
		}
		p.Values = append(p.Values, v)
	}
	return nil
}

// kindOf is what one value reads as: a duration has a unit, a number is a
// finite number, anything else is a word.
func kindOf(s string) Kind {
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		return Number
	}
	if _, err := time.ParseDuration(s); err == nil {
		return Duration
	}
	return Word
}

// parseRange reads lo..hi/step or lo..hi*factor.
func (p *Param) parseRange(lo, rest string) error {
	hi, step, linear := strings.Cut(rest, "/")
	if !linear {
		var isLog bool
		if hi, step, isLog = strings.Cut(rest, "*"); !isLog {
			return i18n.NewError(i18n.SweepRangeStep)
		}
		p.Log = true
	}
	lo, hi, step = strings.TrimSpace(lo), strings.TrimSpace(hi), strings.TrimSpace(step)
	lk, hk := kindOf(lo), kindOf(hi)
	switch {
	case lo == "" || hi == "" || step == "":
		return i18n.NewError(i18n.SweepRangeStep)
	case lk == Word || hk == Word:
		return i18n.NewError(i18n.SweepRangeWords, "Value", wordOf(lo, hi))
	case lk != hk && !(isZero(lo) || isZero(hi)):
		return i18n.NewError(i18n.SweepRangeMixed, "Lo", lo, "Hi", hi)
	}
	p.Kind = Number
	if lk == Duration || hk == Duration {
		p.Kind = Duration
	}
	if p.Log {
		f, err := strconv.ParseFloat(step, 64)
		if err != nil || !(f > 1) || math.IsInf(f, 0) {
			return i18n.NewError(i18n.SweepFactor, "Value", step)
		}
		if p.Kind == Duration {
			return p.logDurations(lo, hi, f)
		}
		return p.logNumbers(lo, hi, f)
	}
	if p.Kind == Duration {
		return p.linearDurations(lo, hi, step)
	}
	return p.linearNumbers(lo, hi, step)
}

func isZero(s string) bool { f, err := strconv.ParseFloat(s, 64); return err == nil && f == 0 }

// wordOf is the one of a and b that is a word.
func wordOf(a, b string) string {
	if kindOf(a) == Word {
		return a
	}
	return b
}

func (p *Param) linearDurations(lo, hi, step string) error {
	l, h, s, err := durations(lo, hi, step)
	if err != nil {
		return err
	}
	switch {
	case s <= 0:
		return i18n.NewError(i18n.SweepStepPositive, "Value", step)
	case h < l:
		return i18n.NewError(i18n.SweepRangeDown, "Lo", lo, "Hi", hi)
	case (h-l)/s >= MaxValues:
		return i18n.NewError(i18n.SweepTooManyValues, "Count", uint64((h-l)/s)+1, "Max", MaxValues)
	}
	for d := l; d <= h; d += s {
		p.Values = append(p.Values, durationValue(d))
	}
	return nil
}

func (p *Param) logDurations(lo, hi string, f float64) error {
	l, h, _, err := durations(lo, hi, "0")
	if err != nil {
		return err
	}
	switch {
	case l <= 0:
		return i18n.NewError(i18n.SweepLogFromZero, "Value", lo)
	case h < l:
		return i18n.NewError(i18n.SweepRangeDown, "Lo", lo, "Hi", hi)
	}
	for i := 0; ; i++ {
		// Each value from lo, not from the one before: no error builds up.
		// Durations keep a microsecond's precision.
		v := time.Duration(math.Round(float64(l)*math.Pow(f, float64(i))/1e3)) * time.Microsecond
		if v > h || i >= MaxValues {
			if i >= MaxValues {
				return i18n.NewError(i18n.SweepTooManyValues, "Count", i+1, "Max", MaxValues)
			}
			break
		}
		if n := len(p.Values); n == 0 || p.Values[n-1].Text != durationValue(v).Text {
			p.Values = append(p.Values, durationValue(v))
		}
	}
	return nil
}

// durations reads a range's bounds and step; a bare 0 is a duration.
func durations(lo, hi, step string) (l, h, s time.Duration, err error) {
	for _, x := range []struct {
		text string
		d    *time.Duration
	}{{lo, &l}, {hi, &h}, {step, &s}} {
		if *x.d, err = time.ParseDuration(x.text); err != nil {
			return 0, 0, 0, i18n.NewError(i18n.SweepNoUnit, "Value", x.text)
		}
	}
	return l, h, s, nil
}

func durationValue(d time.Duration) Value {
	return Value{Text: i18n.English.Duration(d), X: d.Seconds()}
}

func (p *Param) linearNumbers(lo, hi, step string) error {
	dec := max(decimals(lo), decimals(hi), decimals(step))
	if dec > 9 {
		return i18n.NewError(i18n.SweepPrecision, "Value", lo+".."+hi+"/"+step)
	}
	l, h, s, err := numbers(lo, hi, step)
	if err != nil {
		return err
	}
	switch {
	case !(s > 0):
		return i18n.NewError(i18n.SweepStepPositive, "Value", step)
	case h < l:
		return i18n.NewError(i18n.SweepRangeDown, "Lo", lo, "Hi", hi)
	case (h-l)/s >= MaxValues:
		return i18n.NewError(i18n.SweepTooManyValues, "Count", uint64((h-l)/s)+1, "Max", MaxValues)
	}
	// In units of the last decimal, so that 0.1 + 0.2 is 0.3.
	scale := math.Pow10(dec)
	li, hiI, si := math.Round(l*scale), math.Round(h*scale), math.Round(s*scale)
	for v := li; v <= hiI; v += si {
		x := v / scale
		p.Values = append(p.Values, Value{Text: strconv.FormatFloat(x, 'f', dec, 64), X: x})
	}
	return nil
}

func (p *Param) logNumbers(lo, hi string, f float64) error {
	l, h, _, err := numbers(lo, hi, "1")
	if err != nil {
		return err
	}
	switch {
	case l <= 0:
		return i18n.NewError(i18n.SweepLogFromZero, "Value", lo)
	case h < l:
		return i18n.NewError(i18n.SweepRangeDown, "Lo", lo, "Hi", hi)
	}
	// Whole bounds give whole values (a count of clients); otherwise six
	// significant digits.
	whole := decimals(lo) == 0 && decimals(hi) == 0 && l == math.Trunc(l)
	for i := 0; ; i++ {
		x := l * math.Pow(f, float64(i))
		text := strconv.FormatFloat(x, 'g', 6, 64)
		if whole {
			x = math.Round(x)
			text = strconv.FormatFloat(x, 'f', 0, 64)
		}
		if x > h*(1+1e-12) || i >= MaxValues {
			if i >= MaxValues {
				return i18n.NewError(i18n.SweepTooManyValues, "Count", i+1, "Max", MaxValues)
			}
			break
		}
		if n := len(p.Values); n == 0 || p.Values[n-1].Text != text {
			p.Values = append(p.Values, Value{Text: text, X: x})
		}
	}
	return nil
}

// numbers reads a range's bounds and step as numbers.
func numbers(lo, hi, step string) (l, h, s float64, err error) {
	for _, x := range []struct {
		text string
		f    *float64
	}{{lo, &l}, {hi, &h}, {step, &s}} {
		*x.f, err = strconv.ParseFloat(x.text, 64)
		if err != nil || math.IsInf(*x.f, 0) || math.IsNaN(*x.f) {
			return 0, 0, 0, i18n.NewError(i18n.SweepNotNumber, "Value", x.text)
		}
	}
	return l, h, s, nil
}

// decimals is how many digits a number has after its point (0 for one
// written with an exponent, which has its own precision).
func decimals(s string) int {
	if strings.ContainsAny(s, "eE") {
		return 0
	}
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}
