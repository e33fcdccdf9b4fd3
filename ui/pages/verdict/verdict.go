// Package verdict is what the lab shows at the scenario's end: each of its
// expectations ✔ or ✘ with its detail, as `socklab run` prints them, how
// many hold, and what the keys do next (run on past the end, back to the
// lessons, restart, quit). The lab page draws it over the screen when its
// run reaches the end (engine.Run.Ended).
package verdict

import (
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// Model is the verdict of one run.
type Model struct {
	c        *common.Common
	name     string
	end      time.Duration
	verdicts []scenarios.ExpectEvent
	lessons  bool // esc goes back to the lessons
}

// New is the verdict of the run of scenario name that ended at end with
// verdicts; lessons says esc goes back to the lessons.
func New(c *common.Common, name string, end time.Duration, verdicts []scenarios.ExpectEvent, lessons bool) Model {
	return Model{c: c, name: name, end: end, verdicts: verdicts, lessons: lessons}
}

// Held says every expectation holds.
func (m Model) Held() bool {
	for _, v := range m.verdicts {
		if !v.OK {
			return false
		}
	}
	return true
}

// Lines renders the verdict in w cells: a title, each expectation wrapped
// with a hanging indent (green ✔, red ✘: the marks say it without
// colour), the count, and the keys.
func (m Model) Lines(w int) []string {
	st := m.c.Styles
	out := []string{st.ModalTitle.Render(m.c.T(i18n.UIVerdictTitle, "Name", m.name, "At", format.Clock(m.end, m.end))), ""}
	passed := 0
	for _, v := range m.verdicts {
		style := st.Good
		if v.OK {
			passed++
		} else {
			style = st.Bad
		}
		for i, l := range format.Wrap(feed.VerdictText(&v), w-2) {
			lead := "  "
			if i == 0 {
				lead = ""
			}
			out = append(out, style.Render(lead+l))
		}
	}
	if len(m.verdicts) == 0 {
		for _, l := range format.Wrap(m.c.T(i18n.UIVerdictNone), w) {
			out = append(out, st.Hint.Render(l))
		}
	} else {
		out = append(out, "", st.Strong.Render(m.c.T(i18n.UIVerdictSummary, "Passed", passed, "Count", len(m.verdicts))))
	}
	keys := m.c.T(i18n.UIVerdictKeys, "On", m.c.T(i18n.UIVerdictOn))
	if m.lessons {
		keys = m.c.T(i18n.UIVerdictLessons, "On", m.c.T(i18n.UIVerdictOn))
	}
	out = append(out, "")
	for _, l := range format.Wrap(keys, w) {
		out = append(out, st.Hint.Render(l))
	}
	return out
}

// View is Lines at 72 cells, one a line.
func (m Model) View() string { return strings.Join(m.Lines(72), "\n") }
