// Package verdict is what the lab shows at the scenario's end: each of its
// expectations ✔ or ✘ with its detail, as `socklab run` prints them, how
// many hold, and what the keys do next (run on past the end, back to the
// lessons, restart, quit). The lab page draws it over the screen when its
// run reaches the end (engine.Run.Ended).
package verdict

import (
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

// Lines renders the verdict in w cells and at most h lines: a title, how
// many expectations hold, each expectation (green ✔, red ✘: the marks say
// it without colour) wrapped with a hanging indent — or, when that is too
// long for h, one line each, cut with an ellipsis, and as many as fit —
// and the keys.
func (m Model) Lines(w, h int) []string {
	st := m.c.Styles
	head := []string{st.ModalTitle.Render(m.c.T(i18n.UIVerdictTitle, "Name", m.name, "At", format.Clock(m.end, m.end)))}
	passed := 0
	for _, v := range m.verdicts {
		if v.OK {
			passed++
		}
	}
	if len(m.verdicts) == 0 {
		for _, l := range format.Wrap(m.c.T(i18n.UIVerdictNone), w) {
			head = append(head, st.Hint.Render(l))
		}
	} else {
		head = append(head, st.Strong.Render(m.c.T(i18n.UIVerdictSummary, "Passed", passed, "Count", len(m.verdicts))))
	}
	head = append(head, "")
	keys := m.c.T(i18n.UIVerdictKeys, "On", m.c.T(i18n.UIVerdictOn))
	if m.lessons {
		keys = m.c.T(i18n.UIVerdictLessons, "On", m.c.T(i18n.UIVerdictOn))
	}
	foot := []string{""}
	for _, l := range format.Wrap(keys, w) {
		foot = append(foot, st.Hint.Render(l))
	}
	room := h - len(head) - len(foot)
	var body []string
	for _, wrap := range []bool{true, false} {
		body = body[:0]
		for _, v := range m.verdicts {
			style := st.Good
			if !v.OK {
				style = st.Bad
			}
			text := feed.VerdictText(&v, m.c.Lang)
			if !wrap {
				body = append(body, style.Render(format.Clip(text, w)))
				continue
			}
			for i, l := range format.Wrap(text, w-2) {
				if i > 0 {
					l = "  " + l
				}
				body = append(body, style.Render(l))
			}
		}
		if len(body) <= room {
			break
		}
	}
	if len(body) > room && room > 0 {
		body = append(body[:room-1], st.Hint.Render(m.c.T(i18n.UIVerdictMore, "Count", len(body)-room+1)))
	}
	return append(append(head, body...), foot...)
}
