package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// newExportCmd builds `socklab export SCENARIO`: the packets one host sees
// as a pcap, and the event stream as JSON Lines.
func newExportCmd(lang i18n.Lang) *cobra.Command {
	var (
		sf              scenarioFlags
		pcap, jsonl, at string
	)
	cmd := &cobra.Command{
		Use:   "export SCENARIO",
		Short: lang.T(i18n.CLIExportShort),
		Long:  lang.T(i18n.CLIExportLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab export keepalive-tuned --pcap ka.pcap
socklab export nat-idle-rst --pcap nat.pcap --at server
socklab export run.json --jsonl events.jsonl`,
		Args:              oneScenario,
		ValidArgsFunction: completeScenario("yaml", "yml", "json"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if pcap == "" && jsonl == "" {
				return i18n.NewError(i18n.CLIExportWhere)
			}
			sc, sess, err := sf.loadOrReplay(args[0])
			if err != nil {
				return err
			}
			var pcapOut, jsonlOut bytes.Buffer
			var line []byte
			var events func(netsim.Event)
			if jsonl != "" {
				events = func(e netsim.Event) {
					line = lab.AppendJSON(line[:0], e, lang)
					jsonlOut.Write(append(line, '\n'))
				}
			}
			stopped := watch(cmd, lang, sess, cmp.Or(sf.until, sc.Duration))
			n, res, err := sc.ExportSession(sess, sf.until, at, &pcapOut, events)
			stopped()
			if err != nil {
				return stopError(fmt.Errorf("export: %w", err))
			}
			// Each file, then a line saying what it holds.
			if pcap != "" {
				if err := os.WriteFile(pcap, pcapOut.Bytes(), 0o644); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if _, err := fmt.Fprintln(cmd.OutOrStdout(), lang.T(i18n.CLIExportedPackets,
					"File", pcap, "N", n, "Host", cmp.Or(at, sc.CaptureHost()), "Sim", res.Session.Now())); err != nil {
					return fmt.Errorf("export: %w", err)
				}
			}
			if jsonl != "" {
				if err := os.WriteFile(jsonl, jsonlOut.Bytes(), 0o644); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if _, err := fmt.Fprintln(cmd.OutOrStdout(), lang.T(i18n.CLIExportedEvents, "File", jsonl, "N", res.Events+1)); err != nil {
					return fmt.Errorf("export: %w", err)
				}
			}
			return nil
		},
	}
	sf.register(cmd, lang)
	fs := cmd.Flags()
	fs.Var(fileFlag{&pcap}, "pcap", lang.T(i18n.CLIFlagPcap))
	fs.Var(fileFlag{&jsonl}, "jsonl", lang.T(i18n.CLIFlagJSONL))
	fs.Var(hostFlag{&at}, "at", lang.T(i18n.CLIFlagAt))
	completeFlag(cmd, "pcap", completeFiles("pcap"))
	completeFlag(cmd, "jsonl", completeFiles("jsonl"))
	completeFlag(cmd, "at", completeHosts)
	cmd.SetFlagErrorFunc(runOnly)
	return cmd
}

// hostFlag is --at HOST.
type hostFlag struct{ host *string }

func (f hostFlag) Type() string   { return "HOST" }
func (f hostFlag) String() string { return *f.host }
func (f hostFlag) Set(v string) error {
	switch {
	case *f.host != "":
		return errTwice
	case v == "":
		return errEmpty
	}
	*f.host = v
	return nil
}

// loadOrReplay reads SCENARIO, or a recording (a .json file, or a file
// whose text is a JSON object) with its inputs queued on the session.
func (f *scenarioFlags) loadOrReplay(name string) (*scenarios.Scenario, *lab.Session, error) {
	data, err := scenarios.ReadFile(name, scenarios.MaxRecordingSize)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	if err == nil && (strings.EqualFold(filepath.Ext(name), ".json") || bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))) {
		if len(f.sets) > 0 || f.seed != nil {
			return nil, nil, i18n.NewError(i18n.CLIRecordingFixed)
		}
		rec, err := scenarios.ReadRecording(name, data)
		if err != nil {
			return nil, nil, err
		}
		sc, sess, err := rec.Session()
		if err != nil {
			return nil, nil, err
		}
		f.apply(sc)
		if f.until == 0 {
			f.until = rec.Until()
		}
		if err := rec.CheckBudget(sc, f.until); err != nil {
			return nil, nil, err
		}
		return sc, sess, nil
	}
	sc, err := f.load(name)
	if err != nil {
		return nil, nil, err
	}
	if err := sc.CheckBudget(f.until); err != nil {
		return nil, nil, err // at once: a session of 100,000 clients takes a while to build
	}
	sess, err := sc.NewSession()
	if err != nil {
		return nil, nil, err
	}
	return sc, sess, nil
}
