import CouponCore

/// The words only the full-screen front end uses, in Chinese and English; the browser's `Labels` has the rest.
struct ScreenLabels {
    let language: Language

    private var zh: Bool { language == .chinese }

    var appName: String { "CouponDesk" }

    func enlarge(columns: Int, rows: Int, times: String) -> String {
        zh ? "请把终端放大到 \(columns)\(times)\(rows)" : "enlarge the terminal to \(columns)\(times)\(rows)"
    }

    func currentSize(columns: Int, rows: Int, times: String) -> String {
        zh ? "当前 \(columns)\(times)\(rows)" : "it is \(columns)\(times)\(rows) now"
    }

    var promptTitle: String { zh ? "查询用户的券" : "Look up a user's coupons" }
    var openidLabel: String { "openid" }
    var appidLabel: String { "appid" }
    var appidHint: String { zh ? "Tab 切换输入项" : "Tab: next field" }
    var suggestionsTitle: String { zh ? "推荐用户（Ctrl-N / Ctrl-P 选择）" : "Suggested users (Ctrl-N / Ctrl-P)" }
    var promptKeys: String {
        zh ? "Enter 查询 · Esc 取消 · ↑/↓ 历史 · Ctrl-U 清空" : "Enter look up · Esc cancel · Up/Down history · Ctrl-U clear"
    }

    var helpTitle: String { zh ? "按键" : "Keys" }
    var helpFooter: String { zh ? "Esc、? 或 q 关闭 · j/k 滚动" : "Esc, ? or q closes · j/k scroll" }

    var dialogTitle: String { zh ? "错误" : "Error" }
    var dialogFooter: String { zh ? "Enter 或 Esc 关闭 · q 退出" : "Enter or Esc dismisses · q quits" }
    var explanationLabel: String { zh ? "说明" : "What it means" }
    var nextStepLabel: String { zh ? "处理建议" : "What to do" }
    var messageLabel: String { zh ? "信息" : "Message" }

    var serverFilters: String { zh ? "服务器筛选" : "server" }
    var noServerFilter: String { zh ? "无" : "none" }
    var detailTitle: String { zh ? "详情" : "Detail" }
    var noSelection: String { zh ? "未选中券" : "no coupon selected" }
    var pressToLookUp: String { zh ? "按 o 输入 openid 查询" : "press o to look up a user by openid" }
    var lookupFailed: String { zh ? "查询失败，错误见下方" : "the lookup failed; the error is shown below" }
    var filterPrompt: String { zh ? "Enter 保留 · Esc 清除" : "Enter keeps · Esc clears" }

    func clipboardRefused(_ reason: String) -> String {
        (zh ? "未复制：" : "not copied: ") + reason
    }
}
