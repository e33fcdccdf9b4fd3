// Command socklab is a terminal lab that makes the behaviour of socket
// connections visible: a deterministic network simulator, scenario scripts
// and a live interface. See README.md.
package main

import (
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	fmt.Fprintln(os.Stderr, "socklab: no command is built yet; see README.md")
	return 2
}
