// Package keymap is every key of the lab. The same bindings decide what a
// key does (key.Matches in the pages' Update) and what the help shows
// (ShortHelp, FullHelp): nothing types help text by hand. Keys that do not
// apply on a screen are switched off with key.Binding.SetEnabled (SetReplay
// does it for the replay screen); a disabled binding neither matches nor
// shows in the help.
package keymap
