package netsim

import "fmt"

// ConfigError is a setting out of its range: which setting (by the name
// scenario files use, "loss", "idle_timeout"), and what is wrong with it.
type ConfigError struct {
	Field string
	Msg   string
}

func (e *ConfigError) Error() string { return e.Field + " " + e.Msg }

func invalid(field, format string, args ...any) error {
	return &ConfigError{Field: field, Msg: fmt.Sprintf(format, args...)}
}
