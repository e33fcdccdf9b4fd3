// Package timeline is the replay screen's row under the status line: a
// bar over the whole recording with the playhead and markers for faults,
// parameter changes and detections, and the "go to a time" prompt that
// takes its place (ParseTime reads what is typed).
package timeline
