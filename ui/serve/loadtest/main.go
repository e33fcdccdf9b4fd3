package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/serve"
)

// main reads the flags.
//
//i18n:ok a developer's measurement, in English
func main() {
	students := flag.Int("students", 40, "how many students connect")
	measure := flag.Duration("for", 30*time.Second, "how long to measure, once every lab runs")
	speedUps := flag.Int("faster", 6, "how many times each student presses + (6: ×1 to ×100)")
	flag.Parse()
	if err := run(*students, *measure, *speedUps); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
}

// frames keeps every frame's times while measuring.
type frames struct {
	mu        sync.Mutex
	on        bool
	work, gap []time.Duration
}

func (f *frames) add(work, interval time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.on {
		return
	}
	f.work = append(f.work, work)
	if interval > 0 {
		f.gap = append(f.gap, interval)
	}
}

func (f *frames) set(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.on = on
}

// run measures a class of students.
//
//i18n:ok a developer's measurement, in English
func run(students int, measure time.Duration, speedUps int) error {
	dir, err := os.MkdirTemp("", "socklab-loadtest")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fr := &frames{}
	srv, err := serve.New(serve.Config{
		Addr: "127.0.0.1:0", HostKey: filepath.Join(dir, "host_ed25519"), MaxSessions: students,
		Log: log.New(io.Discard), Frames: fr.add,
	})
	if err != nil {
		return err
	}
	addr, err := srv.Listen()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Serve(ctx)

	lessons := scenarios.Lessons()
	running := make(chan error, students)
	for i := range students {
		lesson := lessons[i%len(lessons)].Name
		go func() { running <- student(ctx, addr.String(), fmt.Sprintf("student%d", i), lesson, speedUps) }()
	}
	for range students {
		if err := <-running; err != nil {
			return err
		}
	}
	fmt.Printf("%d students, each a lesson at ×100 on %d cores (GOMAXPROCS %d); measuring for %s\n",
		students, runtime.NumCPU(), runtime.GOMAXPROCS(0), measure)
	load, _ := os.ReadFile("/proc/loadavg")
	before := cpuTime()
	fr.set(true)
	time.Sleep(measure) // the measurement's span, on the wall clock it measures
	fr.set(false)
	cpu := cpuTime() - before
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)

	fr.mu.Lock()
	defer fr.mu.Unlock()
	slices.Sort(fr.work)
	slices.Sort(fr.gap)
	fmt.Printf("frames drawn: %d (%.0f a second, %.1f a second per lab; 30 is the budget)\n",
		len(fr.work), float64(len(fr.work))/measure.Seconds(), float64(len(fr.work))/measure.Seconds()/float64(students))
	fmt.Printf("frame time (Update + View): median %s, p99 %s, max %s\n",
		pct(fr.work, 50), pct(fr.work, 99), pct(fr.work, 100))
	fmt.Printf("between a lab's frames (33.3ms due): median %s, p99 %s\n", pct(fr.gap, 50), pct(fr.gap, 99))
	fmt.Printf("CPU: %.1f s in %s (%.0f%% of a core; the machine's load average was %s), %s a frame, all included: at 30 frames a second, %.1f cores would serve them all\n",
		cpu.Seconds(), measure, 100*cpu.Seconds()/measure.Seconds(), bytes.Fields(load)[0],
		(cpu / time.Duration(max(1, len(fr.work)))).Round(10*time.Microsecond),
		cpu.Seconds()/float64(max(1, len(fr.work)))*30*float64(students))
	fmt.Printf("memory: Go heap in use %.1f MB after GC (%.2f MB a student), from the OS %.1f MB\n",
		float64(ms.HeapInuse)/1e6, float64(ms.HeapInuse)/1e6/float64(students), float64(ms.Sys)/1e6)
	return nil
}

// cpuTime is the CPU time the process has used, user and system
// (getrusage): the server, the clients and the collector.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pct is the p-th percentile of sorted durations.
func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := min(len(d)-1, len(d)*p/100)
	return d[i].Round(10 * time.Microsecond)
}

// student connects as user, opens lesson, speeds it up and runs it; it
// returns once the lab runs, and keeps it running (on past each end)
// until ctx ends.
//
//i18n:ok a developer's measurement, in English
func student(ctx context.Context, addr, user, lesson string, speedUps int) error {
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // our own server, its key made for this run
	})
	if err != nil {
		return err
	}
	sess, err := c.NewSession()
	if err != nil {
		return err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return err
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		return err
	}
	t := &terminal{in: in, out: out}
	go func() {
		<-ctx.Done()
		c.Close()
	}()
	steps := []struct{ wait, send string }{
		{"lessons", "/"},
		{"Filter:", lesson},
		{lesson, "\r\r"},
		{" · t ", repeat("+", speedUps) + " "},
	}
	for _, s := range steps {
		if err := t.waitFor(s.wait); err != nil {
			return fmt.Errorf("%s: waiting for %q: %w", user, s.wait, err)
		}
		io.WriteString(in, s.send)
	}
	go t.runOn() // past each end, on
	return nil
}

func repeat(s string, n int) string { return string(bytes.Repeat([]byte(s), n)) }

// terminal reads a session's output, looking for text (its escapes
// taken out).
type terminal struct {
	in  io.Writer
	out io.Reader
	buf []byte
}

// waitFor reads until text has come.
func (t *terminal) waitFor(text string) error {
	chunk := make([]byte, 32<<10)
	for !bytes.Contains(t.buf, []byte(text)) {
		t.buf = t.buf[max(0, len(t.buf)-len(text)):] // what could begin it
		n, err := t.out.Read(chunk)
		if err != nil {
			return err
		}
		if bytes.Contains(chunk[:n], []byte("\x1b]11;?")) { // the renderer asks: a dark terminal answers
			io.WriteString(t.in, "\x1b]11;rgb:0d0d/1111/1717\x07\x1b[?62;22c")
		}
		t.buf = append(t.buf, ansi.Strip(string(chunk[:n]))...) // a sequence cut in two is rare, and costs a wait
	}
	t.buf = t.buf[bytes.Index(t.buf, []byte(text))+len(text):]
	return nil
}

// runOn reads the frames, and presses space when the lesson's verdict
// pauses the lab, to run on past its end.
//
//i18n:ok a developer's measurement, in English
func (t *terminal) runOn() {
	for t.waitFor("runs on past the end") == nil {
		io.WriteString(t.in, " ")
	}
}
