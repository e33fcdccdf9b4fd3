package scenarios

import (
	"slices"
	"testing"
)

// Every built-in scenario is either a lesson, in teaching order exactly
// once, or listed as not a lesson.
func TestTeachingOrderHoldsEveryLesson(t *testing.T) {
	seen := map[string]int{}
	for _, n := range append(slices.Clone(teachingOrder), notLessons...) {
		seen[n]++
	}
	for _, n := range builtinNames() {
		if seen[n] != 1 {
			t.Errorf("%s is in the teaching order or notLessons %d times, want once", n, seen[n])
		}
		delete(seen, n)
	}
	for n := range seen {
		t.Errorf("%s is in the teaching order but is no built-in scenario", n)
	}
	lessons := Lessons()
	if len(lessons) != len(teachingOrder) || lessons[0].Name != "handshake" || lessons[0].Lesson != 1 || lessons[0].Title.En == "" {
		t.Errorf("Lessons() starts %+v (%d lessons), want handshake as lesson 1 of %d", lessons[0], len(lessons), len(teachingOrder))
	}
}

// A lesson names where its point shows: keepalive-tuned's probes go
// unanswered and its RST leaves from the server, so the server is where
// export captures by default; a lesson that names nothing captures at its
// first client's host.
func TestLessonsCaptureWhereTheyTeach(t *testing.T) {
	for name, want := range map[string]string{"keepalive-tuned": "server", "power-loss-heartbeat": "client"} {
		sc, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := sc.CaptureHost(); got != want {
			t.Errorf("%s captures at %s, want %s", name, got, want)
		}
	}
}
