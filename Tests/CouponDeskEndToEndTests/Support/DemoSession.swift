import CouponCore
import CouponSandbox
import Foundation

/// `coupondesk demo` running in a headless tmux pane, with helpers for what the tests do in it.
final class DemoSession {
    let tmux: TmuxSession
    let program: String

    /// Starts tmux at `width`×`height` and `coupondesk demo` in it, and waits for the lookup prompt.
    init(
        width: Int = 120,
        height: Int = 40,
        term: String = "tmux-256color",
        arguments: [String] = [],
        environment: [String: String] = [:]
    ) throws {
        program = try DemoProgram.path()
        tmux = try TmuxSession(width: width, height: height, term: term, extraEnvironment: environment)
        let command = ([program, "demo"] + arguments).map(TmuxSession.quoted).joined(separator: " ")
        let pidFile = TmuxSession.quoted(tmux.scratchDirectory.appendingPathComponent("pid").path)
        // The shell records the pid (for signals) before exec, and after the program ends its exit status.
        try tmux.typeLine("sh -c 'echo $$ > \"$0\"; exec \"$@\"' \(pidFile) \(command); echo exit=$?")
        _ = try tmux.waitForText("Look up a user", timeout: 30)
    }

    deinit {
        tmux.close()
    }

    /// The demo data set, to find users by what they are rather than by a copied openid.
    static func dataSet() throws -> SandboxDataSet {
        try SandboxDataSet.demo()
    }

    /// The openid of the demo user with exactly `count` coupons and no fault.
    static func user(withCoupons count: Int) throws -> SandboxUser {
        guard let user = try dataSet().users.first(where: { $0.fault == nil && $0.coupons.count == count }) else {
            throw TmuxError(description: "the demo data has no user with \(count) coupons")
        }
        return user
    }

    /// The coupons an "issued by" answer holds for `user`: every one but the expired (the API's rule).
    static func issuedByCount(of user: SandboxUser) -> Int {
        user.coupons.filter { $0["status"]?.stringValue != "EXPIRED" }.count
    }

    /// The name of the first coupon an "issued by" answer lists for `user`.
    static func firstListedName(of user: SandboxUser) throws -> String {
        let first = user.coupons.first { $0["status"]?.stringValue != "EXPIRED" }
        guard let name = first?["coupon_name"]?.stringValue else {
            throw TmuxError(description: "the demo user \(user.openid) has no coupon an issued-by answer lists")
        }
        return name
    }

    /// The demo user with `fault`.
    static func user(with fault: SandboxFault) throws -> SandboxUser {
        guard let user = try dataSet().users.first(where: { $0.fault == fault }) else {
            throw TmuxError(description: "the demo data has no user with the fault \(fault)")
        }
        return user
    }

    /// Types an openid into the open prompt and presses Enter.
    func lookUp(_ openid: String) throws {
        try tmux.type(openid)
        try tmux.press("Enter")
    }

    /// The program's pid, as the shell recorded it before exec.
    func pid() throws -> Int32 {
        let text = try String(contentsOf: tmux.scratchDirectory.appendingPathComponent("pid"), encoding: .utf8)
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError(description: "no pid recorded")
        }
        return pid
    }

    /// Waits for the shell to report the program's exit status, and returns it.
    func waitForExit(timeout: Double = 10) throws -> Int {
        let lines = try tmux.waitForScreen(timeout: timeout, "the program to exit") { lines in
            lines.contains { $0.hasPrefix("exit=") }
        }
        let line = lines.first { $0.hasPrefix("exit=") } ?? ""
        return Int(line.dropFirst("exit=".count).prefix { $0.isNumber }) ?? -1
    }

    /// After the program ended: whether the shell's terminal is back in canonical mode with echo,
    /// and the alternate screen is left.
    func terminalIsSane() throws -> (canonical: Bool, echo: Bool, alternateScreen: Bool) {
        try tmux.typeLine("stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo")
        let lines = try tmux.waitForScreen(timeout: 5, "stty's answer") { lines in
            lines.contains { $0.contains("icanon") && !$0.contains("stty") }
        }
        let answer = lines.first { $0.contains("icanon") && !$0.contains("stty") } ?? ""
        let words = Set(answer.split(separator: " ").map(String.init))
        let alternate = try tmux.paneValue("#{alternate_on}")
        return (words.contains("icanon"), words.contains("echo"), alternate == "1")
    }
}
