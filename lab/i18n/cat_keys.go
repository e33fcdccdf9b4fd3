package i18n

// What each key of the interface does, for the key line and the help
// screen (ui/keymap). The keys themselves are the same in every language.
const (
	KeyRunPause ID = "key.run_pause"
	KeyRun      ID = "key.run"
	KeyPause    ID = "key.pause"
	KeyStep     ID = "key.step"
	KeyJump     ID = "key.jump"
	KeySlower   ID = "key.slower"
	KeyFaster   ID = "key.faster"
	KeySpeed    ID = "key.speed"
	KeyRestart  ID = "key.restart"
	KeyToStart  ID = "key.to_start"
	KeyFault    ID = "key.fault"
	KeyEdit     ID = "key.edit"
	KeyRecord   ID = "key.record"
	KeySeekBack ID = "key.seek_back"
	KeySeekFwd  ID = "key.seek_forward"
	KeyPrevMark ID = "key.previous_marker"
	KeyNextMark ID = "key.next_marker"
	KeyGoTo     ID = "key.go_to"
	KeyBranch   ID = "key.branch"
	KeySeek     ID = "key.seek"
	KeyMarker   ID = "key.marker"
	KeyChoose   ID = "key.choose"
	KeyHelp     ID = "key.help"
	KeyQuit     ID = "key.quit"

	KeyUp          ID = "key.list.up"
	KeyDown        ID = "key.list.down"
	KeyPrevPage    ID = "key.list.prev_page"
	KeyNextPage    ID = "key.list.next_page"
	KeyGoStart     ID = "key.list.go_to_start"
	KeyGoEnd       ID = "key.list.go_to_end"
	KeyFilter      ID = "key.list.filter"
	KeyClearFilter ID = "key.list.clear_filter"
	KeyCancel      ID = "key.list.cancel"
	KeyApplyFilter ID = "key.list.apply_filter"
	KeyMore        ID = "key.list.more"
	KeyCloseHelp   ID = "key.list.close_help"
)

var keyMessages = map[ID]entry{
	KeyRunPause: {En: "run/pause", Zh: "运行/暂停"},
	KeyRun:      {En: "run", Zh: "运行"},
	KeyPause:    {En: "pause", Zh: "暂停"},
	KeyStep:     {En: "step", Zh: "单步"},
	KeyJump:     {En: "jump", Zh: "跳到变化"},
	KeySlower:   {En: "slower", Zh: "减速"},
	KeyFaster:   {En: "faster", Zh: "加速"},
	KeySpeed:    {En: "speed", Zh: "速度"},
	KeyRestart:  {En: "restart", Zh: "重来"},
	KeyToStart:  {En: "to the start", Zh: "回到开头"},
	KeyFault:    {En: "fault", Zh: "故障"},
	KeyEdit:     {En: "edit", Zh: "改参数"},
	KeyRecord:   {En: "record", Zh: "录制"},
	KeySeekBack: {En: "seek back", Zh: "后退"},
	KeySeekFwd:  {En: "seek forward", Zh: "前进"},
	KeyPrevMark: {En: "previous marker", Zh: "上一个标记"},
	KeyNextMark: {En: "next marker", Zh: "下一个标记"},
	KeyGoTo:     {En: "go to", Zh: "跳到"},
	KeyBranch:   {En: "branch", Zh: "分支"},
	KeySeek:     {En: "seek", Zh: "前后移动"},
	KeyMarker:   {En: "marker", Zh: "标记"},
	KeyChoose:   {En: "choose", Zh: "选择"},
	KeyHelp:     {En: "help", Zh: "帮助"},
	KeyQuit:     {En: "quit", Zh: "退出"},

	KeyUp:          {En: "up", Zh: "上移"},
	KeyDown:        {En: "down", Zh: "下移"},
	KeyPrevPage:    {En: "prev page", Zh: "上一页"},
	KeyNextPage:    {En: "next page", Zh: "下一页"},
	KeyGoStart:     {En: "go to start", Zh: "到开头"},
	KeyGoEnd:       {En: "go to end", Zh: "到结尾"},
	KeyFilter:      {En: "filter", Zh: "筛选"},
	KeyClearFilter: {En: "clear filter", Zh: "清除筛选"},
	KeyCancel:      {En: "cancel", Zh: "取消"},
	KeyApplyFilter: {En: "apply filter", Zh: "应用筛选"},
	KeyMore:        {En: "more", Zh: "更多"},
	KeyCloseHelp:   {En: "close help", Zh: "关闭帮助"},
}
