package sweep

import (
	"errors"
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
)

func TestParseParam(t *testing.T) {
	for _, c := range []struct {
		flag  string
		kind  Kind
		log   bool
		texts string
		xs    []float64
	}{
		{"a.b=5s,10s,30s", Duration, false, "5s 10s 30s", []float64{5, 10, 30}},
		{"a.b=0,1m30s", Duration, false, "0 1m30s", []float64{0, 90}},
		{"a.b=1s..60s/15s", Duration, false, "1s 16s 31s 46s", []float64{1, 16, 31, 46}},
		{"a.b=5s..20s/5s", Duration, false, "5s 10s 15s 20s", []float64{5, 10, 15, 20}},
		{"a.b=1s..1h*4", Duration, true, "1s 4s 16s 1m4s 4m16s 17m4s", []float64{1, 4, 16, 64, 256, 1024}},
		{"a.b=100ms..1s*3", Duration, true, "100ms 300ms 900ms", []float64{0.1, 0.3, 0.9}},
		{"a.b=100,1000", Number, false, "100 1000", []float64{100, 1000}},
		{"a.b=0.1..0.5/0.1", Number, false, "0.1 0.2 0.3 0.4 0.5", []float64{0.1, 0.2, 0.3, 0.4, 0.5}},
		{"a.b=250..2000*2", Number, true, "250 500 1000 2000", []float64{250, 500, 1000, 2000}},
		{"a.b=1..10*1.5", Number, true, "1 2 2 3 5 8", nil}, // whole bounds: whole values, each once
		{"a.b=exponential,full-jitter", Word, false, "exponential full-jitter", []float64{0, 1}},
		{"a.b=true,false", Word, false, "true false", []float64{0, 1}},
		{" a.b = 1 , 2 ", Number, false, "1 2", []float64{1, 2}},
	} {
		p, err := ParseParam(c.flag)
		if err != nil {
			t.Errorf("ParseParam(%q): %v", c.flag, err)
			continue
		}
		var texts []string
		for _, v := range p.Values {
			texts = append(texts, v.Text)
		}
		if c.flag == "a.b=1..10*1.5" {
			c.texts = "1 2 3 5 8" // 1.5 and 2.25 round to 2: once
		}
		if p.Path != "a.b" || p.Kind != c.kind || p.Log != c.log || strings.Join(texts, " ") != c.texts {
			t.Errorf("ParseParam(%q) = %s %v log=%v %q, want %v log=%v %q", c.flag, p.Path, p.Kind, p.Log, texts, c.kind, c.log, c.texts)
		}
		for i, x := range c.xs {
			if i < len(p.Values) && p.Values[i].X != x {
				t.Errorf("ParseParam(%q): value %d at %v, want %v", c.flag, i, p.Values[i].X, x)
			}
		}
	}
}

func TestParseParamErrors(t *testing.T) {
	for flag, id := range map[string]i18n.ID{
		"a.b":                     i18n.SweepPathSpec,
		"=1,2":                    i18n.SweepPathSpec,
		"a.b=":                    i18n.SweepPathSpec,
		"a.b=1,,2":                i18n.SweepEmptyValue,
		"a.b=5s,5s":               i18n.SweepValueTwice,
		"a.b=5,10s":               i18n.SweepNoUnit,
		"a.b=1s..5s":              i18n.SweepRangeStep,
		"a.b=1s../1s":             i18n.SweepRangeStep,
		"a.b=x..y/1":              i18n.SweepRangeWords,
		"a.b=1..5s/1s":            i18n.SweepRangeMixed,
		"a.b=1s..1h*1":            i18n.SweepFactor,
		"a.b=1s..1h*x":            i18n.SweepFactor,
		"a.b=1s..1h*Inf":          i18n.SweepFactor,
		"a.b=1s..5s/0s":           i18n.SweepStepPositive,
		"a.b=1s..5s/-1s":          i18n.SweepStepPositive,
		"a.b=1..5/0":              i18n.SweepStepPositive,
		"a.b=5s..1s/1s":           i18n.SweepRangeDown,
		"a.b=5..1/1":              i18n.SweepRangeDown,
		"a.b=0s..1h*2":            i18n.SweepLogFromZero,
		"a.b=0..100*2":            i18n.SweepLogFromZero,
		"a.b=1ns..1h/1ns":         i18n.SweepTooManyValues,
		"a.b=1..1e9/1":            i18n.SweepTooManyValues,
		"a.b=1ns..1000h*1.01":     i18n.SweepTooManyValues,
		"a.b=0.0000000001..1/0.1": i18n.SweepPrecision,
		"a.b=1..5/x":              i18n.SweepNotNumber,
		"a.b=1..1e400/1":          i18n.SweepRangeWords,
	} {
		_, err := ParseParam(flag)
		var e *i18n.Error
		if !errors.As(err, &e) || e.ID != id {
			t.Errorf("ParseParam(%q) = %v, want %s", flag, err, id)
		}
	}
	long := "a.b=" + strings.Repeat("x,", MaxValues) + "y"
	if _, err := ParseParam(long); err == nil {
		t.Errorf("a list of %d values: no error", MaxValues+1)
	}
}

func TestGrid(t *testing.T) {
	g, err := NewGrid([]string{"a=1,2,3", "b=x,y", "c=10,20"}, []bool{false, false, true}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if g.Points() != 6 {
		t.Fatalf("Points = %d, want 6", g.Points())
	}
	var got []string
	for i := range g.Points() {
		got = append(got, strings.Join(g.Sets(i), " "))
	}
	want := []string{"a=1 b=x c=10", "a=1 b=y c=20", "a=2 b=x c=10", "a=2 b=y c=20", "a=3 b=x c=10", "a=3 b=y c=20"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("points:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range g.Points() {
		if g.index(g.At(i)) != i {
			t.Errorf("index(At(%d)) = %d", i, g.index(g.At(i)))
		}
	}
}
