import CouponBrowser

extension KeyMap {
    /// The keys CouponDesk ships with: vi and arrow movement, htop/tig/k9s conventions elsewhere.
    public static let standard = KeyMap(bindings: standardBindings)

    private static let browsing: Set<KeyContext> = [.list, .detail]
    private static let scrolling: Set<KeyContext> = [.list, .detail, .help]
    private static let typing: Set<KeyContext> = [.filter, .prompt]

    private static func hint(
        _ keys: String,
        _ english: String,
        _ chinese: String,
        rank: Int = 5,
        pinned: Bool = false,
        inDetail: (english: String, chinese: String)? = nil,
        detailRank: Int? = nil
    ) -> Hint {
        Hint(
            keys: keys,
            english: english,
            chinese: chinese,
            isPinned: pinned,
            rank: rank,
            detailEnglish: inDetail?.english,
            detailChinese: inDetail?.chinese,
            detailRank: detailRank
        )
    }

    private static var standardBindings: [Binding] {
        movementBindings + pageBindings + filterBindings + detailBindings + actionBindings + editingBindings
    }

    private static var movementBindings: [Binding] {
        [
            Binding(
                keys: [.character("j"), .down],
                command: .move(.down),
                contexts: scrolling,
                section: .move,
                english: "down one row (in the detail: scroll)",
                chinese: "下移一行（详情中：滚动）",
                hint: hint("j/k", "move", "移动", rank: 0, inDetail: ("scroll", "滚动"))
            ),
            Binding(
                keys: [.character("k"), .up],
                command: .move(.up),
                contexts: scrolling,
                section: .move,
                english: "up one row",
                chinese: "上移一行"
            ),
            Binding(
                keys: [.control("d")],
                command: .move(.halfPageDown),
                contexts: scrolling,
                section: .move,
                english: "down half a screen",
                chinese: "下移半屏"
            ),
            Binding(
                keys: [.control("u")],
                command: .move(.halfPageUp),
                contexts: scrolling,
                section: .move,
                english: "up half a screen",
                chinese: "上移半屏"
            ),
            Binding(
                keys: [.pageDown, .control("f"), .character(" ")],
                command: .move(.pageDown),
                contexts: scrolling,
                section: .move,
                english: "down one screen",
                chinese: "下移一屏"
            ),
            Binding(
                keys: [.pageUp, .control("b")],
                command: .move(.pageUp),
                contexts: scrolling,
                section: .move,
                english: "up one screen",
                chinese: "上移一屏"
            ),
            Binding(
                keys: [.character("g"), .home],
                command: .move(.first),
                contexts: scrolling,
                section: .move,
                english: "first row",
                chinese: "第一行"
            ),
            Binding(
                keys: [.character("G"), .end],
                command: .move(.last),
                contexts: scrolling,
                section: .move,
                english: "last row",
                chinese: "最后一行"
            ),
        ]
    }

    private static var pageBindings: [Binding] {
        [
            Binding(
                keys: [.character("n"), .character("]")],
                command: .nextServerPage,
                contexts: browsing,
                section: .pages,
                english: "next server page",
                chinese: "下一页",
                hint: hint("n/p", "page", "翻页", rank: 2)
            ),
            Binding(
                keys: [.character("p"), .character("[")],
                command: .previousServerPage,
                contexts: browsing,
                section: .pages,
                english: "previous server page",
                chinese: "上一页"
            ),
        ]
    }

    private static var filterBindings: [Binding] {
        [
            Binding(
                keys: [.character("1")],
                command: .toggleStatus(.usable),
                contexts: browsing,
                section: .filters,
                english: "show or hide usable coupons (SENDED)",
                chinese: "显示/隐藏可用券（SENDED）",
                hint: hint("1-4", "status", "状态", rank: 4)
            ),
            Binding(
                keys: [.character("2")],
                command: .toggleStatus(.used),
                contexts: browsing,
                section: .filters,
                english: "show or hide used coupons (USED)",
                chinese: "显示/隐藏已用券（USED）"
            ),
            Binding(
                keys: [.character("3")],
                command: .toggleStatus(.expired),
                contexts: browsing,
                section: .filters,
                english: "show or hide expired coupons (EXPIRED)",
                chinese: "显示/隐藏过期券（EXPIRED）"
            ),
            Binding(
                keys: [.character("4")],
                command: .toggleStatus(.other),
                contexts: browsing,
                section: .filters,
                english: "show or hide coupons of other states",
                chinese: "显示/隐藏其他状态的券"
            ),
            Binding(
                keys: [.character("0")],
                command: .showAllStatuses,
                contexts: browsing,
                section: .filters,
                english: "show every state",
                chinese: "显示全部状态"
            ),
            Binding(
                keys: [.character("m")],
                command: .switchQueryMode,
                contexts: browsing,
                section: .filters,
                english: "query mode: issued by / usable at",
                chinese: "切换查询方式：创建商户 / 可用商户",
                hint: hint("m", "mode", "方式", rank: 6)
            ),
            Binding(
                keys: [.character("/")],
                command: .startFilter,
                contexts: browsing,
                section: .filters,
                english: "filter the list as you type",
                chinese: "输入文字筛选列表",
                hint: hint("/", "filter", "筛选", rank: 5)
            ),
            Binding(
                keys: [.character("s")],
                command: .cycleSort,
                contexts: browsing,
                section: .filters,
                english: "sort by the next column",
                chinese: "按下一列排序"
            ),
            Binding(
                keys: [.character("S")],
                command: .reverseSort,
                contexts: browsing,
                section: .filters,
                english: "reverse the sort",
                chinese: "倒序"
            ),
        ]
    }

    private static var detailBindings: [Binding] {
        [
            Binding(
                keys: [.enter],
                command: .openDetail,
                contexts: [.list],
                section: .detail,
                english: "focus the selected coupon's detail",
                chinese: "查看所选券的详情",
                hint: hint("Enter", "detail", "详情", rank: 1)
            ),
            Binding(
                keys: [.tab, .backTab],
                command: .toggleFocus,
                contexts: browsing,
                section: .detail,
                english: "switch between the list and the detail",
                chinese: "在列表与详情之间切换"
            ),
            Binding(
                keys: [.escape],
                command: .back,
                contexts: [.detail],
                section: .detail,
                english: "back to the list",
                chinese: "返回列表",
                hint: hint("Esc", "list", "列表", rank: 1)
            ),
            Binding(
                keys: [.character("f")],
                command: .toggleFullScreenDetail,
                contexts: browsing,
                section: .detail,
                english: "detail full screen / back to the split",
                chinese: "详情全屏 / 恢复分栏",
                hint: hint("f", "full", "全屏", rank: 7, detailRank: 1)
            ),
            Binding(
                keys: [.character("y")],
                command: .copyCouponID,
                contexts: browsing,
                section: .detail,
                english: "copy the coupon id (OSC 52)",
                chinese: "复制券 ID（OSC 52）",
                hint: hint("y", "copy id", "复制", rank: 8)
            ),
            Binding(
                keys: [.character("Y")],
                command: .copyTransactionID,
                contexts: browsing,
                section: .detail,
                english: "copy a used coupon's transaction id",
                chinese: "复制已用券的交易单号"
            ),
        ]
    }

    private static var actionBindings: [Binding] {
        [
            Binding(
                keys: [.character("o")],
                command: .openLookup,
                contexts: browsing,
                section: .actions,
                english: "look up another user (openid)",
                chinese: "查询其他用户（openid）",
                hint: hint("o", "lookup", "查询", rank: 3)
            ),
            Binding(
                keys: [.character("r")],
                command: .refresh,
                contexts: browsing,
                section: .actions,
                english: "fetch the page again",
                chinese: "重新获取本页"
            ),
            Binding(
                keys: [.control("l")],
                command: .repaint,
                contexts: Set(KeyContext.allCases),
                section: .actions,
                english: "repaint the whole screen",
                chinese: "重绘屏幕"
            ),
            Binding(
                keys: [.character("?"), .function(1)],
                command: .showHelp,
                contexts: browsing,
                section: .actions,
                english: "this help",
                chinese: "帮助",
                hint: hint("?", "help", "帮助", pinned: true)
            ),
            Binding(
                keys: [.escape, .character("?"), .function(1), .character("q")],
                command: .back,
                contexts: [.help],
                section: .actions,
                english: "close the help",
                chinese: "关闭帮助",
                hint: hint("Esc", "close", "关闭")
            ),
            Binding(
                keys: [.enter, .escape],
                command: .back,
                contexts: [.dialog],
                section: .actions,
                english: "dismiss the error",
                chinese: "关闭错误提示",
                hint: hint("Enter", "dismiss", "关闭")
            ),
            Binding(
                keys: [.character("q")],
                command: .quit,
                contexts: browsing.union([.dialog]),
                section: .actions,
                english: "quit",
                chinese: "退出",
                hint: hint("q", "quit", "退出", pinned: true)
            ),
            Binding(
                keys: [.control("c")],
                command: .quit,
                contexts: Set(KeyContext.allCases),
                section: .actions,
                english: "quit, from anywhere",
                chinese: "随时退出"
            ),
        ]
    }

    private static var editingBindings: [Binding] {
        [
            Binding(
                keys: [.enter],
                command: .accept,
                contexts: typing,
                section: .editing,
                english: "keep the filter / look the user up",
                chinese: "保留筛选 / 查询",
                hint: hint("Enter", "ok", "确定")
            ),
            Binding(
                keys: [.escape],
                command: .cancel,
                contexts: typing,
                section: .editing,
                english: "clear the filter / close the prompt",
                chinese: "清除筛选 / 关闭输入框",
                hint: hint("Esc", "cancel", "取消")
            ),
            Binding(
                keys: [.up],
                command: .edit(.historyPrevious),
                contexts: typing,
                section: .editing,
                english: "earlier lookup or suggestion",
                chinese: "上一条历史或建议",
                hint: hint("Up/Down", "history", "历史")
            ),
            Binding(
                keys: [.down],
                command: .edit(.historyNext),
                contexts: typing,
                section: .editing,
                english: "later lookup or suggestion",
                chinese: "下一条历史或建议"
            ),
            Binding(
                keys: [.tab, .backTab],
                command: .nextField,
                contexts: [.prompt],
                section: .editing,
                english: "next field (openid, appid)",
                chinese: "下一个输入项（openid、appid）"
            ),
            Binding(
                keys: [.control("n")],
                command: .nextSuggestion,
                contexts: [.prompt],
                section: .editing,
                english: "next suggested user",
                chinese: "下一个推荐用户",
                hint: hint("Ctrl-N/P", "suggested", "推荐")
            ),
            Binding(
                keys: [.control("p")],
                command: .previousSuggestion,
                contexts: [.prompt],
                section: .editing,
                english: "previous suggested user",
                chinese: "上一个推荐用户"
            ),
            Binding(
                keys: [.left],
                command: .edit(.moveLeft),
                contexts: typing,
                section: .editing,
                english: "cursor left",
                chinese: "光标左移"
            ),
            Binding(
                keys: [.right],
                command: .edit(.moveRight),
                contexts: typing,
                section: .editing,
                english: "cursor right",
                chinese: "光标右移"
            ),
            Binding(
                keys: [.home, .control("a")],
                command: .edit(.moveHome),
                contexts: typing,
                section: .editing,
                english: "start of the line",
                chinese: "行首"
            ),
            Binding(
                keys: [.end, .control("e")],
                command: .edit(.moveEnd),
                contexts: typing,
                section: .editing,
                english: "end of the line",
                chinese: "行尾"
            ),
            Binding(
                keys: [.backspace],
                command: .edit(.deleteBackward),
                contexts: typing,
                section: .editing,
                english: "erase the character before the cursor",
                chinese: "删除光标前的字符"
            ),
            Binding(
                keys: [.delete, .control("d")],
                command: .edit(.deleteForward),
                contexts: typing,
                section: .editing,
                english: "delete the character under the cursor",
                chinese: "删除光标处的字符"
            ),
            Binding(
                keys: [.control("u")],
                command: .edit(.clear),
                contexts: typing,
                section: .editing,
                english: "clear to the start of the line",
                chinese: "清除到行首"
            ),
            Binding(
                keys: [.control("k")],
                command: .edit(.deleteToEnd),
                contexts: typing,
                section: .editing,
                english: "clear to the end of the line",
                chinese: "清除到行尾"
            ),
            Binding(
                keys: [.control("w")],
                command: .edit(.deleteWordBackward),
                contexts: typing,
                section: .editing,
                english: "delete the word before the cursor",
                chinese: "删除光标前的单词"
            ),
        ]
    }
}
