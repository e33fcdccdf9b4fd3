// Package statusbar is the lab's first line — the scenario, the simulated
// time, running or paused at which speed, the seed, and on the right the
// note of the last action — and the key help in the frame's bottom border
// (or the note, when the first line has no room for it).
package statusbar
