package netsim

// Sets of names. Each set of codes the simulator speaks in (a segment's
// note, a timer's kind, a detection's cause) is a small integer type whose
// names are declared once, in a table indexed by the value. String, the
// parsers and the lists that validation and the documentation use all read
// that table, so a name is spelled in one place.

// Named is an entry of such a table: the name the event stream, scenario
// files and the documentation use, and what documents it. netsim speaks
// only in codes: Doc is the ID of the name's sentence in lab/i18n's
// catalog, which the documentation's tables and the interface render in
// their reader's language (lab's tests check that each ID is there).
type Named struct {
	Name string
	Doc  string
}

// nameOf is v's name in table, or "" for a value outside it.
func nameOf[T ~uint8](table []Named, v T) string {
	if int(v) < len(table) {
		return table[v].Name
	}
	return ""
}

// docOf is v's sentence in table.
func docOf[T ~uint8](table []Named, v T) string {
	if int(v) < len(table) {
		return table[v].Doc
	}
	return ""
}

// parseName finds the value named s in table.
func parseName[T ~uint8](table []Named, s string) (T, bool) {
	for i, n := range table {
		if n.Name != "" && n.Name == s {
			return T(i), true
		}
	}
	return 0, false
}

// valuesOf lists the values that have a name, in table order.
func valuesOf[T ~uint8](table []Named) []T {
	var out []T
	for i, n := range table {
		if n.Name != "" {
			out = append(out, T(i))
		}
	}
	return out
}

// parseSetting reads the value of a setting by its name; the error names
// the setting and lists the names it takes.
func parseSetting[T ~uint8](table []Named, setting, name string) (T, error) {
	if v, ok := parseName[T](table, name); ok {
		return v, nil
	}
	return 0, invalid(setting, RuleOneOf, name, tableNames(table))
}

// tableNames lists a table's names, in order.
func tableNames(table []Named) []string {
	var out []string
	for _, n := range table {
		if n.Name != "" {
			out = append(out, n.Name)
		}
	}
	return out
}
