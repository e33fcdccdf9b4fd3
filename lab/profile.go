package lab

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// sysctl is one setting of an OS profile that a scenario may override: its
// name, and how to set it from text.
type sysctl struct {
	name string
	set  func(p *netsim.Profile, v string) error
}

func durSysctl(name string, field func(*netsim.Profile) *time.Duration) sysctl {
	return sysctl{name, func(p *netsim.Profile, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return i18n.NewError(i18n.ConfigNotDurationEx, "Value", v)
		}
		*field(p) = d
		return nil
	}}
}

func intSysctl(name string, field func(*netsim.Profile) *int) sysctl {
	return sysctl{name, func(p *netsim.Profile, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return i18n.NewError(i18n.ConfigNotWhole, "Value", v)
		}
		*field(p) = n
		return nil
	}}
}

func boolSysctl(name string, field func(*netsim.Profile) *bool) sysctl {
	return sysctl{name, func(p *netsim.Profile, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return i18n.NewError(i18n.ConfigNotBool, "Value", v)
		}
		*field(p) = b
		return nil
	}}
}

// timerModeSysctl is the timer_wheel setting: wheel or exact.
func timerModeSysctl(name string) sysctl {
	return sysctl{name, func(p *netsim.Profile, v string) error {
		m, err := netsim.ParseTimerMode(v)
		if err != nil {
			return &i18n.Error{Message: ruleOf(err).(i18n.Message)}
		}
		p.Timers = m
		return nil
	}}
}

// Sysctls are the OS settings a host's "sysctl" section may change, named
// as netsim.Profile documents them.
var sysctls = []sysctl{
	durSysctl("initial_rto", func(p *netsim.Profile) *time.Duration { return &p.InitialRTO }),
	durSysctl("min_rto", func(p *netsim.Profile) *time.Duration { return &p.MinRTO }),
	durSysctl("max_rto", func(p *netsim.Profile) *time.Duration { return &p.MaxRTO }),
	boolSysctl("tail_loss_probe", func(p *netsim.Profile) *bool { return &p.TailLossProbe }),
	intSysctl("syn_retries", func(p *netsim.Profile) *int { return &p.SynRetries }),
	intSysctl("syn_linear_timeouts", func(p *netsim.Profile) *int { return &p.SynLinearTimeouts }),
	intSysctl("synack_retries", func(p *netsim.Profile) *int { return &p.SynAckRetries }),
	intSysctl("retries2", func(p *netsim.Profile) *int { return &p.Retries2 }),
	durSysctl("keepalive_idle", func(p *netsim.Profile) *time.Duration { return &p.KeepIdle }),
	durSysctl("keepalive_interval", func(p *netsim.Profile) *time.Duration { return &p.KeepIntvl }),
	intSysctl("keepalive_count", func(p *netsim.Profile) *int { return &p.KeepCnt }),
	durSysctl("time_wait", func(p *netsim.Profile) *time.Duration { return &p.TimeWait }),
	durSysctl("fin_timeout", func(p *netsim.Profile) *time.Duration { return &p.FinTimeout }),
	durSysctl("delayed_ack", func(p *netsim.Profile) *time.Duration { return &p.DelayedACK }),
	boolSysctl("quick_ack", func(p *netsim.Profile) *bool { return &p.QuickAck }),
	durSysctl("connect_timeout", func(p *netsim.Profile) *time.Duration { return &p.ConnectTimeout }),
	durSysctl("timer_tick", func(p *netsim.Profile) *time.Duration { return &p.TimerTick }),
	timerModeSysctl("timer_wheel"),
	intSysctl("mss", func(p *netsim.Profile) *int { return &p.MSS }),
	intSysctl("init_cwnd", func(p *netsim.Profile) *int { return &p.InitCwnd }),
	intSysctl("rcvbuf", func(p *netsim.Profile) *int { return &p.RcvBuf }),
	intSysctl("somaxconn", func(p *netsim.Profile) *int { return &p.SomaxConn }),
}

// SysctlNames lists the settings a host's sysctl section accepts.
func SysctlNames() []string {
	var out []string
	for _, s := range sysctls {
		out = append(out, s.name)
	}
	return out
}

// hostProfile is a host's OS profile with its overrides applied.
func hostProfile(h HostConfig) (netsim.Profile, error) {
	osName := h.OS
	if osName == "" {
		osName = "linux"
	}
	prof, err := netsim.ProfileByName(osName)
	if err != nil {
		return prof, fieldErr("hosts."+h.Name+".os", i18n.RuleOneOfValue, "Choices", i18n.Or{"linux", "windows", "macos"}, "Value", h.OS)
	}
	keys := make([]string, 0, len(h.Sysctl))
	for k := range h.Sysctl {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		err := setSysctl(&prof, k, h.Sysctl[k])
		if err == nil {
			err = checkSysctl(k, h.Sysctl[k])
		}
		if err != nil {
			return prof, &FieldError{Path: "hosts." + h.Name + ".sysctl." + k, Msg: err.(*i18n.Error).Message, Key: unknownSetting(err)}
		}
	}
	if err := prof.Validate(); err != nil {
		return prof, subfieldErr("hosts."+h.Name+".sysctl", err)
	}
	return prof, nil
}

func setSysctl(p *netsim.Profile, name, value string) error {
	for _, s := range sysctls {
		if s.name == name {
			return s.set(p, value)
		}
	}
	return i18n.NewError(i18n.ConfigNoSysctl, "Known", i18n.List(SysctlNames()))
}

// unknownSetting reports whether setSysctl's error is about the setting's
// name rather than its value.
func unknownSetting(err error) bool {
	var ie *i18n.Error
	return errors.As(err, &ie) && ie.ID == i18n.ConfigNoSysctl
}
