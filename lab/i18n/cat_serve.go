package i18n

// The words of socklab serve: the command and its flags, what a student's
// terminal is told when the server is full, idle or asked for something
// it does not serve, the class line over the lab (presenting, following,
// handing out), and the teacher's list of the class.
const (
	CLIServeShort      ID = "cli.serve.short"
	CLIServeLong       ID = "cli.serve.long"
	CLIServeListening  ID = "cli.serve.listening"
	CLIServeTeacher    ID = "cli.serve.teacher"
	CLIFlagListen      ID = "cli.flag.listen"
	CLIFlagHostKey     ID = "cli.flag.host_key"
	CLIFlagTeacherKey  ID = "cli.flag.teacher_key"
	CLIFlagMaxSessions ID = "cli.flag.max_sessions"
	CLIFlagIdle        ID = "cli.flag.idle"
	CLIFlagServeBudget ID = "cli.flag.serve_budget"
	CLIServeArgs       ID = "cli.error.serve_args"

	ServeNoTeacherKey      ID = "serve.error.no_teacher_key"
	ServeMaxSessions       ID = "serve.error.max_sessions"
	ServeIdleRange         ID = "serve.error.idle_range"
	ServeHostKey           ID = "serve.error.host_key"
	ServeHostKeyBad        ID = "serve.error.host_key_bad"
	ServeNoHostKey         ID = "serve.error.no_host_key"
	ServeHostKeyPassphrase ID = "serve.error.host_key_passphrase"
	ServeHostKeyNoDir      ID = "serve.error.host_key_no_dir"
	ServeListen            ID = "serve.error.listen"
	ServeFull              ID = "serve.full"
	ServeIdle              ID = "serve.idle"
	ServeNoTerminal        ID = "serve.no_terminal"
	ServeBarTeacher        ID = "serve.bar.teacher"
	ServeBarPresenting     ID = "serve.bar.presenting"
	ServeBarPresented      ID = "serve.bar.presented"
	ServeBarFollowing      ID = "serve.bar.following"
	ServeBarBranched       ID = "serve.bar.branched"
	ServeBarHandout        ID = "serve.bar.handout"
	ServeNothingPresent    ID = "serve.nothing_to_present"
	ServeHandedOut         ID = "serve.handed_out"
	ServeClassTitle        ID = "serve.class.title"
	ServeClassPicking      ID = "serve.class.picking"
	ServeClassFollowing    ID = "serve.class.following"
	ServeClassNone         ID = "serve.class.none"
	ServeClassKeys         ID = "serve.class.keys"
	ServeFollowReadOnly    ID = "serve.follow.read_only"
	ServeFollowStopped     ID = "serve.follow.stopped"
	ServeFollowWaiting     ID = "serve.follow.waiting"
)

var serveMessages = map[ID]entry{
	CLIServeShort: {
		En: "Serve the lab over SSH, one per student",
		Zh: "通过 SSH 提供实验室，每人一个",
	},
	CLIServeLong: {
		En: `serve runs an SSH server whose only program is socklab: every student types ssh -p 2222 HOST and gets the picker of the lessons, then their own lab, in their own terminal (its size, its colours, its language from the LANG their ssh sends, else English). Sessions share nothing: one student's keys never reach another's lab, and each lab has a work budget, so one student's 100,000-client herd slows no one else's lesson beyond a fair share.

There is no shell, no file, no command, no subsystem, no port or agent forwarding: only the lab. A session with no key pressed for the idle time ends; when the server holds its most sessions, the next student is told so politely. Connections and disconnections are logged on standard error, never keystrokes.

With --teacher-key, the holder of that SSH key is the teacher: ctrl+p presents the lab they have open (students press ctrl+t to follow it live, read-only, and v to branch into their own copy), ctrl+o lists the class and the lesson each student has open, ctrl+x hands the open lesson out. The host key is read from --host-key, or made once and kept in socklab_host_ed25519.`,
		Zh: `serve 运行一个 SSH 服务器，它唯一的程序就是 socklab：每个学生输入 ssh -p 2222 主机，就在自己的终端里得到课程选择器，然后是自己的实验室（按终端的大小和颜色；语言取自 ssh 发来的 LANG，否则为英文）。会话之间不共享任何东西：一个学生的按键永远到不了别人的实验室，每个实验室都有工作预算，一个学生的十万客户端群不会让别人的课程慢于公平份额。

没有 shell、文件、命令、子系统，也没有端口转发和代理转发：只有实验室。空闲时间内没有按键的会话会结束；服务器会话已满时，下一个学生会得到礼貌的提示。连接与断开记录在标准错误上，从不记录按键。

给出 --teacher-key 时，持有该 SSH 密钥的人是教师：ctrl+p 演示自己打开的实验室（学生按 ctrl+t 实时只读跟随，按 v 分出自己的副本），ctrl+o 列出全班和每个学生打开的课程，ctrl+x 分发当前课程。主机密钥从 --host-key 读取，或者生成一次并保存在 socklab_host_ed25519。`,
	},
	CLIServeListening: {
		En: "socklab serve: listening on {{.Addr}} (host key {{.Key}}); students type: ssh -p {{.Port}} HOST",
		Zh: "socklab serve：正在监听 {{.Addr}}（主机密钥 {{.Key}}）；学生输入：ssh -p {{.Port}} 主机",
	},
	CLIServeTeacher: {
		En: "socklab serve: the teacher is the holder of {{.Key}}",
		Zh: "socklab serve：教师是 {{.Key}} 的持有者",
	},
	CLIFlagListen: {
		En: "the address to listen on (default :2222)",
		Zh: "监听的地址（默认 :2222）",
	},
	CLIFlagHostKey: {
		En: "the host key (default socklab_host_ed25519, made if missing)",
		Zh: "主机密钥（默认 socklab_host_ed25519，没有就生成）",
	},
	CLIFlagTeacherKey: {
		En: "an SSH public key: its holder is the teacher",
		Zh: "一把 SSH 公钥：其持有者是教师",
	},
	CLIFlagMaxSessions: {
		En: "the most students at once, 1 to 1000 (default 60)",
		Zh: "同时在线的学生上限，1 到 1000（默认 60）",
	},
	CLIFlagIdle: {
		En: "end a session idle this long, 1m to 24h (default 30m)",
		Zh: "会话多久没有按键就结束，可取 1m 到 24h（默认 30m）",
	},
	CLIFlagServeBudget: {
		En: "the most events a lab may take (default 20M; 10k to 100G)",
		Zh: "每个实验室最多的事件数（默认 20M；10k 到 100G）",
	},
	CLIServeArgs: {
		En: "takes no argument, only flags (socklab serve --listen :2222)",
		Zh: "不接受参数，只接受标志（socklab serve --listen :2222）",
	},
	ServeNoTeacherKey: {
		En: "{{.Path}} holds no SSH public key (a line like ssh-ed25519 AAAA… you@laptop)",
		Zh: "{{.Path}} 里没有 SSH 公钥（形如 ssh-ed25519 AAAA… you@laptop 的一行）",
	},
	ServeMaxSessions: {
		En: "{{.Value}} is not from 1 to 1000",
		Zh: "{{.Value}} 不在 1 到 1000 之间",
	},
	ServeIdleRange: {
		En: "{{.Value}} is not a duration from 1m to 24h",
		Zh: "{{.Value}} 不是 1m 到 24h 之间的时长",
	},
	ServeHostKey: {
		En: "--host-key {{.Path}}: {{.Err}}",
		Zh: "--host-key {{.Path}}：{{.Err}}",
	},
	ServeHostKeyBad: {
		En: "--host-key: {{.Err}}",
		Zh: "--host-key：{{.Err}}",
	},
	ServeNoHostKey: {
		En: "{{.Path}} holds no SSH private key (give one ssh-keygen wrote, or a path with no file yet: serve makes a key there)",
		Zh: "{{.Path}} 里没有 SSH 私钥（请给出 ssh-keygen 生成的私钥，或一个还没有文件的路径：serve 会在那里生成一个）",
	},
	ServeHostKeyPassphrase: {
		En: "{{.Path}} is protected by a passphrase, which serve cannot ask for: give a key without one",
		Zh: "{{.Path}} 有口令保护，而 serve 无法询问口令：请给出一个没有口令的私钥",
	},
	ServeHostKeyNoDir: {
		En: `{{.Path}} does not exist, and serve cannot make it: there is no directory {{printf "%q" .Dir}}`,
		Zh: `{{.Path}} 不存在，serve 也无法生成它：目录 {{printf "%q" .Dir}} 不存在`,
	},
	ServeListen: {
		En: "cannot listen on {{.Addr}}: {{.Err}}",
		Zh: "无法监听 {{.Addr}}：{{.Err}}",
	},
	ServeFull: {
		En: "Sorry, the lab is full: {{.Count}} students are in it, the most this server takes. Try again in a few minutes.",
		Zh: "抱歉，实验室满了：已有 {{.Count}} 名学生，这是本服务器的上限。请过几分钟再试。",
	},
	ServeIdle: {
		En: "The lab closed after {{.D}} without a key pressed. Connect again to go on.",
		Zh: "{{.D}} 内没有按键，实验室已关闭。重新连接即可继续。",
	},
	ServeNoTerminal: {
		En: "socklab needs a terminal: connect with ssh -t -p PORT HOST, without a command.",
		Zh: "socklab 需要终端：请用 ssh -t -p 端口 主机 连接，不带命令。",
	},
	ServeBarTeacher: {
		En:    "teacher · {{.Count}} students · ctrl+p present · ctrl+o class · ctrl+x hand out",
		EnOne: "teacher · {{.Count}} student · ctrl+p present · ctrl+o class · ctrl+x hand out",
		Zh:    "教师 · {{.Count}} 名学生 · ctrl+p 演示 · ctrl+o 全班 · ctrl+x 分发",
	},
	ServeBarPresenting: {
		En: "presenting {{.Lesson}} · {{.Count}} following · ctrl+p stop · ctrl+o class · ctrl+x hand out",
		Zh: "正在演示 {{.Lesson}} · {{.Count}} 人跟随 · ctrl+p 停止 · ctrl+o 全班 · ctrl+x 分发",
	},
	ServeBarPresented: {
		En: "the teacher presents {{.Lesson}} · ctrl+t follow",
		Zh: "教师正在演示 {{.Lesson}} · ctrl+t 跟随",
	},
	ServeBarFollowing: {
		En: "following the teacher · read-only · v branch into your own copy · ctrl+t stop",
		Zh: "正在跟随教师 · 只读 · v 分出自己的副本 · ctrl+t 停止",
	},
	ServeBarBranched: {
		En: "your own copy of the teacher's lab · the teacher's is unchanged · ctrl+t follow again",
		Zh: "这是教师实验室的你自己的副本 · 教师的不受影响 · ctrl+t 重新跟随",
	},
	ServeBarHandout: {
		En: "the teacher hands out {{.Lesson}} · ctrl+g open it",
		Zh: "教师分发了 {{.Lesson}} · ctrl+g 打开",
	},
	ServeNothingPresent: {
		En: "open a lesson first: presenting shows your lab as it runs",
		Zh: "请先打开一个课程：演示会实时展示你的实验室",
	},
	ServeHandedOut: {
		En:    "{{.Lesson}} handed out to {{.Count}} students",
		EnOne: "{{.Lesson}} handed out to {{.Count}} student",
		Zh:    "已向 {{.Count}} 名学生分发 {{.Lesson}}",
	},
	ServeClassTitle: {
		En:    "the class · {{.Count}} students",
		EnOne: "the class · {{.Count}} student",
		Zh:    "全班 · {{.Count}} 名学生",
	},
	ServeClassPicking: {
		En: "choosing a lesson",
		Zh: "正在选择课程",
	},
	ServeClassFollowing: {
		En: "following you",
		Zh: "正在跟随你",
	},
	ServeClassNone: {
		En: "no student is connected",
		Zh: "没有学生连接",
	},
	ServeClassKeys: {
		En: "ctrl+o or esc closes",
		Zh: "ctrl+o 或 esc 关闭",
	},
	ServeFollowReadOnly: {
		En: "this is the teacher's lab, read-only: v branches into your own copy",
		Zh: "这是教师的实验室，只读：按 v 分出你自己的副本",
	},
	ServeFollowStopped: {
		En: "the teacher stopped presenting: this lab is your own copy now",
		Zh: "教师停止了演示：这个实验室现在是你自己的副本",
	},
	ServeFollowWaiting: {
		En: "the teacher is not presenting now",
		Zh: "教师现在没有演示",
	},
}
