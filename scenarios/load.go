package scenarios

import (
	"embed"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/socklab/socklab/lab/i18n"
)

//go:embed builtin/*.yaml
var builtin embed.FS

// List returns the built-in scenarios, by name.
func List() []Info {
	var out []Info
	for _, name := range builtinNames() {
		sc, err := loadBuiltin(name, nil)
		if err != nil {
			panic("scenarios: built-in " + name + " is broken: " + err.Error())
		}
		out = append(out, Info{Name: sc.Name, Title: sc.Title, Lesson: lessonNumber(sc.Name)})
	}
	return out
}

func builtinNames() []string {
	entries, _ := fs.ReadDir(builtin, "builtin")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	slices.Sort(out)
	return out
}

func loadBuiltin(name string, sets []string) (*Scenario, error) {
	text, err := builtin.ReadFile("builtin/" + name + ".yaml")
	if err != nil {
		return nil, err
	}
	return parse(name, "builtin:"+name, text, sets)
}

// Load reads a scenario: a built-in name (as List gives) or a file path,
// with --set overrides applied. Errors name the file, line, column and
// field.
func Load(nameOrPath string, sets ...string) (*Scenario, error) {
	if slices.Contains(builtinNames(), nameOrPath) {
		return loadBuiltin(nameOrPath, sets)
	}
	text, err := ReadFile(nameOrPath, MaxScenarioSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, i18n.NewError(i18n.LoadNoScenario, "Name", nameOrPath)
	} else if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(nameOrPath), filepath.Ext(nameOrPath))
	return Parse(name, nameOrPath, text, sets...)
}

// Parse reads a scenario from text; source names it in errors.
func Parse(name, source string, text []byte, sets ...string) (*Scenario, error) {
	return parse(name, source, text, sets)
}
