package main

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/serve"
)

// newServeCmd builds `socklab serve`: the lab over SSH, one lab per
// session, until Ctrl-C (exit 0).
func newServeCmd(lang i18n.Lang) *cobra.Command {
	var (
		cfg        serve.Config
		teacherKey string
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: lang.T(i18n.CLIServeShort),
		Long:  lang.T(i18n.CLIServeLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab serve
socklab serve --listen :2222 --teacher-key ~/.ssh/id_ed25519.pub
ssh -p 2222 lab.example`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIServeArgs))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if teacherKey != "" {
				k, err := serve.ReadTeacherKey(teacherKey)
				if err != nil {
					return fmt.Errorf("serve: --teacher-key: %w", err)
				}
				cfg.TeacherKey = k
			}
			cfg.Log = log.NewWithOptions(cmd.ErrOrStderr(), log.Options{ReportTimestamp: true, Prefix: "socklab"})
			srv, err := serve.New(cfg)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			addr, err := srv.Listen()
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			_, port, _ := net.SplitHostPort(addr.String())
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, lang.T(i18n.CLIServeListening, "Addr", addr.String(), "Key", srv.HostKey(), "Port", port))
			if teacherKey != "" {
				fmt.Fprintln(out, lang.T(i18n.CLIServeTeacher, "Key", teacherKey))
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := srv.Serve(ctx); err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.Var(textFlag{&cfg.Addr, "ADDR"}, "listen", lang.T(i18n.CLIFlagListen))
	fs.Var(textFlag{&cfg.HostKey, "FILE"}, "host-key", lang.T(i18n.CLIFlagHostKey))
	fs.Var(textFlag{&teacherKey, "FILE"}, "teacher-key", lang.T(i18n.CLIFlagTeacherKey))
	fs.Var(sessionsFlag{&cfg.MaxSessions}, "max-sessions", lang.T(i18n.CLIFlagMaxSessions))
	fs.Var(idleFlag{&cfg.Idle}, "idle", lang.T(i18n.CLIFlagIdle))
	fs.Var(budgetFlag{&cfg.Budget}, "budget", lang.T(i18n.CLIFlagServeBudget))
	completeFlag(cmd, "listen", cobra.NoFileCompletions)
	completeFlag(cmd, "max-sessions", cobra.NoFileCompletions)
	completeFlag(cmd, "idle", cobra.NoFileCompletions)
	completeFlag(cmd, "budget", cobra.NoFileCompletions)
	return cmd
}

// textFlag is a flag whose value is a string given once, not empty: an
// address, a file to read.
type textFlag struct {
	s    *string
	kind string
}

func (f textFlag) Type() string   { return f.kind }
func (f textFlag) String() string { return *f.s }
func (f textFlag) Set(v string) error {
	switch {
	case *f.s != "":
		return errTwice
	case v == "":
		return errEmpty
	}
	*f.s = v
	return nil
}

// sessionsFlag is --max-sessions N.
type sessionsFlag struct{ n *int }

func (f sessionsFlag) Type() string { return "N" }
func (f sessionsFlag) String() string {
	if *f.n == 0 {
		return ""
	}
	return strconv.Itoa(*f.n)
}
func (f sessionsFlag) Set(v string) error {
	if *f.n != 0 {
		return errTwice
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > serve.MaxSessionsLimit {
		return i18n.NewError(i18n.ServeMaxSessions, "Value", v)
	}
	*f.n = n
	return nil
}

// idleFlag is --idle DURATION.
type idleFlag struct{ d *time.Duration }

func (f idleFlag) Type() string { return "DURATION" }
func (f idleFlag) String() string {
	if *f.d == 0 {
		return ""
	}
	return f.d.String()
}
func (f idleFlag) Set(v string) error {
	if *f.d != 0 {
		return errTwice
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < serve.MinIdle || d > serve.MaxIdle {
		return i18n.NewError(i18n.ServeIdleRange, "Value", v)
	}
	*f.d = d
	return nil
}
