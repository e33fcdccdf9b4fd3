// Command loadtest measures socklab serve under a class: it starts the
// server in this process, connects N students with golang.org/x/crypto/ssh
// (a terminal of 80×24 each), has each open a lesson (the lessons in
// teaching order, round and round), speed it up to ×100 and run it — on
// past each lesson's end — and, for the time asked, times every frame
// every lab draws (its tick's Update and View: Config.Frames). It prints
// the frames' time, median and 99th percentile, the interval between a
// lab's frames (a frame is due every 33.3 ms), the frames drawn per
// second, and the memory the Go heap holds.
//
//	go run ./ui/serve/loadtest                      40 students, 30 s
//	go run ./ui/serve/loadtest -students 60 -for 1m
//	/usr/bin/time -v go run …                       the process's peak memory
//
// The students' clients run in the same process, on the same cores, as the
// server: what they cost (decrypting and reading the frames) is counted
// against the server's share, so the figures are pessimistic. docs/serve.md
// has the figures measured.
package main
