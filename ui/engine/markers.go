package engine

import (
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/feed"
)

// FindMarkers runs a fresh session of sc replaying inputs to span, and
// returns its faults, parameter changes and detections as a timeline's
// markers, in time order.
func FindMarkers(sc *scenarios.Scenario, inputs []lab.Input, span time.Duration) ([]feed.Marker, error) {
	s, err := sc.NewSession()
	if err != nil {
		return nil, err
	}
	if err := s.Replay(inputs); err != nil {
		return nil, err
	}
	var mk feed.Markers
	s.Observe(mk.Observe)
	s.RunUntil(span)
	return mk.Marks, nil
}
