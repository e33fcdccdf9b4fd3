package scenarios

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// file is a scenario file's schema: its keys are the `yaml` tags. Hosts,
// middleboxes and apps are mappings of names to settings; the settings'
// schema is lab's (lab.HostConfig, lab.MiddleboxConfig, lab.AppConfig).
// docs/scenarios.md documents every key.
type file struct {
	Name        string                `yaml:"name"`
	Title       i18n.Text             `yaml:"title"`
	Teaches     i18n.Text             `yaml:"teaches"`
	Seed        *uint64               `yaml:"seed"`
	Duration    *time.Duration        `yaml:"duration"`
	Capture     string                `yaml:"capture"`
	Hosts       []lab.HostConfig      `yaml:"hosts,keyed"`
	Middleboxes []lab.MiddleboxConfig `yaml:"middleboxes,keyed"`
	Links       []linkSpec            `yaml:"links"`
	Apps        []lab.AppConfig       `yaml:"apps,keyed"`
	Timeline    []stepSpec            `yaml:"timeline"`
	Expect      []expectSpec          `yaml:"expect"`
}

// linkSpec is a link: "between: [a, b]" and its behaviour.
type linkSpec struct {
	Between   []string      `yaml:"between"`
	Latency   time.Duration `yaml:"latency"`
	Jitter    time.Duration `yaml:"jitter"`
	Loss      float64       `yaml:"loss"`
	Burst     *burstSpec    `yaml:"burst"`
	Bandwidth int64         `yaml:"bandwidth"` // bits per second
}

// burstSpec is Gilbert–Elliott loss (netem's "loss gemodel p r 1-h 1-k").
type burstSpec struct {
	P        float64 `yaml:"p"`
	R        float64 `yaml:"r"`
	LossBad  float64 `yaml:"loss_bad"`
	LossGood float64 `yaml:"loss_good"`
}

// stepSpec is an entry of the timeline: at a time, an action.
type stepSpec struct {
	At     time.Duration `yaml:"at"`
	Do     lab.Verb      `yaml:"do"`
	Target string        `yaml:"target"`
	Value  string        `yaml:"value"`
}

// DefaultDuration is how long a scenario runs when it does not say.
const DefaultDuration = 10 * time.Minute

// MaxDuration bounds a scenario's duration (and --until): a week of
// simulated time, the longest a lab runs.
const MaxDuration = lab.MaxTime

// MinDuration is the shortest duration a scenario may give: the floor of
// an application's timers.
const MinDuration = lab.MinTimer

// build turns a decoded file into a scenario, validating everything lab
// and the expectations check, and locating each error in the tree.
func build(name, source string, text []byte, root *node, f *file) (*Scenario, error) {
	fail := func(path string, id i18n.ID, args ...any) error {
		return &Error{Pos: root.lookup(path).pos, Path: path, Msg: i18n.M(id, args...)}
	}
	teaches := i18n.Text{En: strings.TrimSpace(f.Teaches.En), Zh: strings.TrimSpace(f.Teaches.Zh)}
	sc := &Scenario{Name: name, Title: f.Title, Teaches: teaches, Source: source, Text: text,
		Duration: DefaultDuration, Capture: f.Capture, Budget: lab.DefaultBudget}
	if f.Name != "" {
		sc.Name = f.Name
	}
	if err := checkTexts(root, f); err != nil {
		return nil, err
	}
	if err := checkLists(root, f); err != nil {
		return nil, err
	}
	if d := f.Duration; d != nil {
		sc.Duration = *d
	}
	switch d := sc.Duration; {
	case f.Title.IsZero():
		return nil, fail("title", i18n.ScenarioNeedsTitle)
	case d < 0:
		return nil, fail("duration", i18n.RuleNotNegativeValue, "Value", d.String())
	case d > MaxDuration:
		return nil, fail("duration", i18n.ScenarioNotAbove, "Max", MaxDuration.String())
	case d < MinDuration:
		return nil, fail("duration", i18n.RuleBetween, "Min", MinDuration.String(), "Max", MaxDuration.String(), "Value", d.String())
	case len(f.Hosts) == 0:
		return nil, fail("hosts", i18n.ScenarioNeedsHost)
	}
	if f.Capture != "" && !slices.ContainsFunc(f.Hosts, func(h lab.HostConfig) bool { return h.Name == f.Capture }) {
		var names []string
		for _, h := range f.Hosts {
			names = append(names, h.Name)
		}
		return nil, fail("capture", i18n.ScenarioCaptureNotHost, "Host", f.Capture, "Hosts", strings.Join(names, ", "))
	}
	cfg := lab.Config{Seed: 1, Hosts: f.Hosts, Middleboxes: f.Middleboxes, Apps: f.Apps}
	if f.Seed != nil {
		cfg.Seed = *f.Seed
	}
	for i, l := range f.Links {
		p := fmt.Sprintf("links[%d]", i)
		if len(l.Between) != 2 {
			return nil, fail(p+".between", i18n.ScenarioLinkEnds)
		}
		lc := lab.LinkConfig{A: l.Between[0], B: l.Between[1], Latency: l.Latency, Jitter: l.Jitter,
			Loss: l.Loss, Bandwidth: l.Bandwidth}
		if l.Burst != nil {
			lc.Burst = &netsim.GilbertElliott{P: l.Burst.P, R: l.Burst.R, LossBad: l.Burst.LossBad, LossGood: l.Burst.LossGood}
		}
		cfg.Links = append(cfg.Links, lc)
	}
	for i, st := range f.Timeline {
		p := fmt.Sprintf("timeline[%d]", i)
		switch {
		case st.At < 0:
			return nil, fail(p+".at", i18n.RuleNotNegativeValue, "Value", st.At.String())
		case st.At > sc.Duration:
			return nil, fail(p+".at", i18n.ScenarioAfterEnd, "At", st.At.String(), "Duration", sc.Duration.String())
		case st.Do == "":
			return nil, fail(p+".do", i18n.ScenarioNamesAction, "Known", i18n.List(lab.VerbNames()))
		}
		cfg.Timeline = append(cfg.Timeline, lab.TimedAction{At: st.At, Action: lab.Action{Do: st.Do, Target: st.Target, Value: st.Value}})
	}
	if err := cfg.ApplyDefaults(); err != nil {
		return nil, locate(root, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, locate(root, err)
	}
	if _, err := lab.New(cfg); err != nil { // checks the timeline's targets and values too
		return nil, locate(root, err)
	}
	sc.Config, sc.root = cfg, root
	for i, spec := range f.Expect {
		e, err := spec.expectation(fmt.Sprintf("expect[%d]", i), sc)
		if err != nil {
			return nil, locate(root, err)
		}
		sc.Expect = append(sc.Expect, e)
	}
	return sc, nil
}

// locate turns lab's field errors into errors with a file position.
func locate(root *node, err error) error {
	var fe *lab.FieldError
	if errors.As(err, &fe) {
		pos := root.lookup(fe.Path).pos
		if fe.Key {
			pos = root.keyPos(fe.Path)
		}
		return &Error{Pos: pos, Path: fe.Path, Msg: fe.Msg}
	}
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	return &Error{Pos: root.pos, Msg: i18n.M(i18n.ConfigAsIs, "Err", err)}
}

// parse reads, decodes and builds a scenario from text, with --set
// overrides applied to the tree first. An error a flag causes elsewhere in
// the scenario (a duration that leaves a timeline entry after the end, a
// count that makes a stagger too long) is the flag's: it names the first
// flag without which the scenario was fine, and the field.
func parse(name, source string, text []byte, sets []string) (*Scenario, error) {
	sc, err := parseSets(name, source, text, sets)
	var se *Error
	if err == nil || len(sets) == 0 || !errors.As(err, &se) || se.Pos.Set != "" {
		return sc, err
	}
	for i := range sets {
		if _, err := parseSets(name, source, text, sets[:i]); err != nil {
			break // the file, or an earlier flag, is wrong on its own
		}
		if _, err := parseSets(name, source, text, sets[:i+1]); err != nil {
			return nil, &Error{Pos: Pos{Set: "--set " + sets[i]}, Path: se.Path, Msg: se.Msg}
		}
	}
	return nil, err
}

// parseSets is parse without the search for the flag to blame.
func parseSets(name, source string, text []byte, sets []string) (*Scenario, error) {
	text, err := checkText(source, text)
	if err != nil {
		return nil, err
	}
	root, err := parseYAML(source, text)
	if err != nil {
		return nil, err
	}
	if root.kind != mappingNode {
		return nil, &Error{Pos: root.pos, Msg: i18n.M(i18n.ScenarioNotMapping, "Got", root.kind.msg())}
	}
	for _, s := range sets {
		if err := applySet(root, s); err != nil {
			return nil, err
		}
	}
	var f file
	if err := decode(root, "", reflect.ValueOf(&f).Elem()); err != nil {
		return nil, err
	}
	return build(name, source, text, root, &f)
}
