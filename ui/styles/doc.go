// Package styles is every colour and text style of the interface, built
// for one terminal: New takes that terminal's lipgloss.Renderer, so a
// process serving many terminals (socklab serve) styles each for its own
// colour profile and background. Nothing here is package-level state but
// the colour pairs, which are constants in all but name.
//
// Colours come in pairs for light and dark terminals. Under NO_COLOR (or a
// terminal without colour) lipgloss drops them all, together with bold and
// reverse: nothing on screen may depend on a style alone to be understood,
// so selections carry a ▸ and states carry their names.
//
// Painters (Styles.P) paint the runs a frame draws by the thousand (the
// ladder's cells, the frame's borders) without lipgloss's layout work.
package styles
