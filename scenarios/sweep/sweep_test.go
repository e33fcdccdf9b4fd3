package sweep

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// run sweeps the built-in scenario name over vary (with[i]: flag i is a
// --with), with sets added to each point.
func run(t testing.TB, name string, sets, vary []string, with []bool, seeds, workers int) *Result {
	t.Helper()
	g, err := NewGrid(vary, with, seeds)
	if err != nil {
		t.Fatal(err)
	}
	s := &Sweep{Scenario: name, Grid: g, Workers: workers, Load: func(point []string) (*scenarios.Scenario, error) {
		return scenarios.Load(name, append(append([]string(nil), sets...), point...)...)
	}}
	res, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// column is measure id's medians, point by point.
func column(t testing.TB, r *Result, id string) []float64 {
	t.Helper()
	ix, err := Pick(r.Measures, []string{id})
	if err != nil {
		t.Fatal(err)
	}
	i := ix[0]
	var out []float64
	for _, p := range r.Points {
		out = append(out, p.Stats[i].Median)
	}
	return out
}

// heartbeatRule is what power-loss-heartbeat's rule says of a client that
// pings every interval from its connection, and a server that declares it
// dead after expect without a byte from it: the time from the power cut
// to the server's detection, and the heartbeat bytes sent before the cut.
//
// The client's connection opens when the SYN-ACK arrives, one round trip
// after the start; its pings go every interval from then (the "fixed"
// schedule) and each arrives one latency later. The server's silence timer
// runs from the last ping it received. A ping costs 14 bytes of payload and
// 52 of IPv4 and TCP headers (12 of them timestamps), its answer the same,
// and the client's ACK of the answer 52; the server acknowledges the first ping by itself (Linux's
// quick-ACK mode at the start of a connection, tcp_in_quickack_mode), the
// later ones ride on the answer.
func heartbeatRule(sc *scenarios.Scenario) func(interval time.Duration) (detect time.Duration, beats int, bytes float64) {
	lat := sc.Config.Links[0].Latency
	var expect time.Duration
	for _, a := range sc.Config.Apps {
		if a.Name == "server" {
			expect = a.Heartbeat.Expect
		}
	}
	fault := sc.Config.Timeline[0].At
	return func(iv time.Duration) (time.Duration, int, float64) {
		open := 2 * lat
		beats := int((fault - open) / iv)
		last := open + time.Duration(beats)*iv + lat
		if beats == 0 {
			last = open + lat // the server's watch starts with its connection
		}
		bytes := 0.0
		if beats > 0 {
			bytes = float64(beats*(66+66+52) + 52)
		}
		return last + expect - fault, beats, bytes
	}
}

// Acceptance 1: the heartbeat's interval from 5 s to 60 s; the server's
// watch stays at 45 s. Each row's detection follows from the scenario's
// numbers, and the heartbeat's bytes per minute fall as 1/interval (as
// many beats as fit before the cut).
func TestHeartbeatSweepFollowsTheRule(t *testing.T) {
	res := run(t, "power-loss-heartbeat", nil, []string{"apps.client.heartbeat.interval=5s..60s/5s"}, []bool{false}, 1, 0)
	sc, err := scenarios.Load("power-loss-heartbeat")
	if err != nil {
		t.Fatal(err)
	}
	rule := heartbeatRule(sc)
	fault := sc.Config.Timeline[0].At
	detect, falses := column(t, res, "detect.server"), column(t, res, "false_alarms")
	bpm := column(t, res, "bytes_per_min.heartbeat")
	if len(res.Points) != 12 {
		t.Fatalf("%d points, want 12", len(res.Points))
	}
	for k, p := range res.Points {
		iv := time.Duration(5*(k+1)) * time.Second
		want, beats, bytes := rule(iv)
		if iv < 45*time.Second {
			if got := detect[k]; math.Abs(got-want.Seconds()) > 1e-9 {
				t.Errorf("%s: server detects after %v s, the rule says %v", p.Sets[0], got, want.Seconds())
			}
			if falses[k] != 0 {
				t.Errorf("%s: %v false alarms", p.Sets[0], falses[k])
			}
			wantBPM := bytes / fault.Minutes()
			if math.Abs(bpm[k]-wantBPM) > 1e-9 {
				t.Errorf("%s: %v heartbeat B/min, the rule says %v (%d beats)", p.Sets[0], bpm[k], wantBPM, beats)
			}
			continue
		}
		// An interval as long as the watch: the server gives up on a live
		// client before the cut.
		if falses[k] == 0 {
			t.Errorf("%s: no false alarm with an interval of %v against a watch of 45s", p.Sets[0], iv)
		}
	}
	// 1/interval: where the beats fill the window, bytes × interval is
	// the same, up to one beat's share of the window.
	for k := range 8 {
		iv := float64(5 * (k + 1))
		perBeat := 148 / fault.Minutes()
		if got := bpm[k] * iv / 60; math.Abs(got-bpm[0]*5/60) > perBeat*iv/60+40/fault.Minutes() {
			t.Errorf("interval %vs: heartbeat bytes × interval = %v, at 5s %v", iv, got, bpm[0]*5/60)
		}
	}
}

// The built-in heartbeat-interval sweep ties the watch to 4.5 intervals:
// the detection grows with the interval, by the same rule, and no run has
// a false alarm.
func TestBuiltinHeartbeatSweep(t *testing.T) {
	b, _ := FindBuiltin("heartbeat-interval")
	res := run(t, b.Scenario, b.Sets, b.Vary, b.With, 1, 0)
	detect, falses := column(t, res, "detect.server"), column(t, res, "false_alarms")
	bpm := column(t, res, "bytes_per_min.heartbeat")
	for k, p := range res.Points {
		sc, err := scenarios.Load(b.Scenario, append(append([]string(nil), b.Sets...), p.Sets...)...)
		if err != nil {
			t.Fatal(err)
		}
		want, _, _ := heartbeatRule(sc)(sc.Config.Apps[1].Heartbeat.Interval)
		if math.Abs(detect[k]-want.Seconds()) > 1e-9 || falses[k] != 0 {
			t.Errorf("%v: server detects after %v s with %v false alarms; the rule says %v", p.Sets, detect[k], falses[k], want.Seconds())
		}
		if k > 0 && !(detect[k] > detect[k-1] && bpm[k] < bpm[k-1]) {
			t.Errorf("%v: detection %v s and %v B/min after %v s and %v B/min: not a trade-off", p.Sets, detect[k], bpm[k], detect[k-1], bpm[k-1])
		}
	}
}

// Acceptance 3: the same sweep gives the same CSV byte for byte on one
// core or two (and with more workers than cores).
func TestSameCSVOnOneCoreOrMany(t *testing.T) {
	vary := []string{"apps.clients.count=50,100", "apps.clients.reconnect.policy=exponential,full-jitter,decorrelated-jitter"}
	csvOf := func(procs, workers int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res := run(t, "thundering-herd", []string{"duration=2m"}, vary, []bool{false, false}, 3, workers)
		var b bytes.Buffer
		if err := WriteCSV(&b, res); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	one, two, many := csvOf(1, 0), csvOf(2, 0), csvOf(2, 7)
	if !bytes.Equal(one, two) || !bytes.Equal(one, many) {
		t.Errorf("GOMAXPROCS 1:\n%s\nGOMAXPROCS 2:\n%s\n7 workers:\n%s", one, two, many)
	}
	if n := bytes.Count(one, []byte("\n")); n != 7 {
		t.Errorf("%d lines, want a header and 6 points", n)
	}
}

// svgParts parses an SVG and returns its text elements and the number of
// line-to commands of each path.
func svgParts(t *testing.T, data []byte) (texts []string, paths []int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	var inText bool
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = e.Name.Local
			}
			switch e.Name.Local {
			case "text":
				inText = true
				text.Reset()
			case "path":
				for _, a := range e.Attr {
					if a.Name.Local == "d" {
						paths = append(paths, strings.Count(a.Value, "L"))
					}
				}
			}
		case xml.CharData:
			if inText {
				text.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				inText = false
				texts = append(texts, text.String())
			}
		}
	}
	if root != "svg" {
		t.Fatalf("the document's root is %q, not svg", root)
	}
	return texts, paths
}

// Acceptance 2: --plot out.svg writes a valid SVG with both curves and
// labelled axes, in either language.
func TestPlotSVG(t *testing.T) {
	res := run(t, "power-loss-heartbeat", nil, []string{"apps.client.heartbeat.interval=5s..60s/5s"}, []bool{false}, 1, 0)
	show, err := Pick(res.Measures, []string{"detect.server", "bytes_per_min.heartbeat"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.English, i18n.Chinese} {
		var b bytes.Buffer
		if err := WritePlot(&b, res, show, "svg", l); err != nil {
			t.Fatal(err)
		}
		texts, paths := svgParts(t, b.Bytes())
		all := strings.Join(texts, "\n")
		for _, want := range []string{
			l.T(i18n.SweepWithUnit, "Label", "apps.client.heartbeat.interval", "Unit", Seconds.Symbol(l)),
			res.Measures[show[0]].Heading(l), res.Measures[show[0]].Label.In(l),
			res.Measures[show[1]].Heading(l), res.Measures[show[1]].Label.In(l),
			"socklab sweep power-loss-heartbeat",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: the SVG has no text %q; it has:\n%s", l, want, all)
			}
		}
		// Each curve is a line through its 12 points (11 segments).
		curves := 0
		for _, n := range paths {
			if n == 11 {
				curves++
			}
		}
		if curves != 2 {
			t.Errorf("%s: %d paths of 12 points, want 2 (paths: %v)", l, curves, paths)
		}
	}
	if l := i18n.Chinese; !strings.Contains(res.Measures[show[0]].Title(l), "秒") {
		t.Errorf("the Chinese label %q has no unit", res.Measures[show[0]].Title(l))
	}
}

// A PNG too: an image of the plot's size.
func TestPlotPNG(t *testing.T) {
	res := run(t, "power-loss-heartbeat", nil, []string{"apps.client.heartbeat.interval=10s,20s,30s"}, []bool{false}, 2, 0)
	var b bytes.Buffer
	if err := WritePlot(&b, res, res.Shown(), "png", i18n.English); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if w, want := img.Bounds().Dx(), int(plotWidth/vg.Inch*plotDPI); w != want {
		t.Errorf("the PNG is %d pixels wide, want %d", w, want)
	}
}

// The JSON document holds the parameters, the seeds, the measures with
// their units, and every point with its summary and each run.
func TestJSON(t *testing.T) {
	res := run(t, "power-loss-heartbeat", nil, []string{"apps.client.heartbeat.interval=10s,20s"}, []bool{false}, 2, 0)
	var b bytes.Buffer
	if err := WriteJSON(&b, res, i18n.Chinese); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenario string
		Params   []struct {
			Path, Kind string
			Values     []string
		}
		Seeds    []uint64
		Measures []struct{ ID, Unit, Label string }
		Points   []struct {
			Params   map[string]string
			Measures map[string]struct {
				Median, Min, Max *float64
				N                int
			}
			Runs []map[string]struct{ V *float64 }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scenario != "power-loss-heartbeat" || len(doc.Params) != 1 || doc.Params[0].Kind != "duration" ||
		strings.Join(doc.Params[0].Values, ",") != "10s,20s" || len(doc.Seeds) != 2 || doc.Seeds[1] != doc.Seeds[0]+1 {
		t.Errorf("the document's head: %+v", doc)
	}
	units := map[string]string{}
	for _, m := range doc.Measures {
		units[m.ID] = m.Unit
		if m.ID == "detect.server" && !strings.Contains(m.Label, "发现") {
			t.Errorf("detect.server's label is not in Chinese: %q", m.Label)
		}
	}
	if units["detect.server"] != "s" || units["bytes_per_min.heartbeat"] != "B/min" || units["cause.server"] != "text" {
		t.Errorf("units: %v", units)
	}
	if len(doc.Points) != 2 || doc.Points[1].Params["apps.client.heartbeat.interval"] != "20s" {
		t.Fatalf("points: %+v", doc.Points)
	}
	d := doc.Points[0].Measures["detect.server"]
	if d.Median == nil || *d.Median != 40.03 || d.N != 2 || len(doc.Points[0].Runs) != 2 || *doc.Points[0].Runs[1]["detect.server"].V != 40.03 {
		t.Errorf("point 1's detection: %+v, runs %+v", d, doc.Points[0].Runs)
	}
	if _, ok := doc.Points[0].Measures["detect.client"]; !ok || doc.Points[0].Measures["detect.client"].Median != nil {
		t.Errorf("the client detects nothing: its median must be left out, not 0")
	}
}

// Stopping a sweep keeps the points done, whole, and only those.
func TestStopKeepsThePointsDone(t *testing.T) {
	g, err := NewGrid([]string{"apps.client.heartbeat.interval=1s..40s/1s"}, []bool{false}, 1)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Sweep{Scenario: "power-loss-heartbeat", Grid: g, Workers: 1, Load: func(point []string) (*scenarios.Scenario, error) {
		return scenarios.Load("power-loss-heartbeat", point...)
	}}
	res, err := s.Run(ctx, func(p Progress) {
		if p.Points == 5 {
			cancel()
		}
	})
	if err != context.Canceled || res == nil || !res.Stopped {
		t.Fatalf("Run = %v, %v", res, err)
	}
	done := 0
	for _, p := range res.Points {
		if p.Done {
			done++
			if len(p.Stats) == 0 {
				t.Errorf("point %d done without numbers", p.Index)
			}
		}
	}
	if done < 5 || done == len(res.Points) {
		t.Errorf("%d points done of %d, want from 5 to fewer than all", done, len(res.Points))
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b.Bytes(), []byte("\n")); n != done+1 {
		t.Errorf("the CSV has %d lines for %d points done", n, done)
	}
}

// Acceptance 4: 100 points of power-loss-heartbeat, on one worker and on
// as many as there are cores; points/s of each (the speed-up is their
// ratio).
func BenchmarkSweep(b *testing.B) {
	g, err := NewGrid([]string{"apps.client.heartbeat.interval=1s..100s/1s"}, []bool{false}, 1)
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("workers="+string(rune('0'+workers)), func(b *testing.B) {
			s := &Sweep{Scenario: "power-loss-heartbeat", Grid: g, Workers: workers, Load: func(point []string) (*scenarios.Scenario, error) {
				return scenarios.Load("power-loss-heartbeat", point...)
			}}
			for b.Loop() {
				if _, err := s.Run(context.Background(), nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(g.Points()*b.N)/b.Elapsed().Seconds(), "points/s")
		})
	}
}
