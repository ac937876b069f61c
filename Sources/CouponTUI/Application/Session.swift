import CouponBrowser
import CouponCore
import Glibc

/// One run of the browser on the terminal: the event loop, the fetch tasks and the clipboard.
///
/// The loop blocks in `poll` on the terminal and the wake pipe, so nothing runs or is sent while
/// nothing happens; it wakes on its own only every 100 ms while a page to be shown is in flight
/// (the spinner), and at the moment a time told relative to the clock changes its wording.
final class Session {
    private let configuration: TUIConfiguration
    private let terminal: Terminal
    private let inbox: Inbox
    private let painter: Painter
    private let clipboard: ClipboardSequence
    private var frontEnd: FrontEnd
    private var tasks: [RequestID: Task<Void, Never>] = [:]
    private var noticeTask: Task<Void, Never>?

    static let spinnerInterval = Duration.milliseconds(100)

    init(configuration: TUIConfiguration, environment: [String: String], terminal: Terminal, wakePipe: WakePipe) {
        self.configuration = configuration
        self.terminal = terminal
        self.inbox = Inbox(wakePipe: wakePipe)
        self.painter = Painter(colorMode: terminal.colorMode)
        self.clipboard = ClipboardSequence(multiplexer: .init(environment: environment))

        let displayZone = DisplayTimeZone(identifier: configuration.timeZoneIdentifier) ?? .shanghai
        let browserConfiguration = BrowserConfiguration(
            callerMchid: configuration.mchid,
            appids: configuration.appids,
            profileName: configuration.profileName.isEmpty ? nil : configuration.profileName,
            language: configuration.language,
            time: TimeFormatter(displayZone: displayZone, viewerZone: .viewer(environment: environment)),
            glyphs: GlyphSet(ascii: configuration.ascii)
        )
        let size = terminal.size
        let browser = BrowserState(
            configuration: browserConfiguration,
            size: TerminalSize(columns: size.width, rows: size.height),
            now: Session.now()
        )
        frontEnd = FrontEnd(browser: browser, screen: ScreenState(suggestions: configuration.suggestions))
    }

    static func now() -> Int64 {
        Int64(time(nil))
    }

    /// Runs until the agent quits or a signal ends the program; returns the exit status.
    func run() -> Int32 {
        startNotices()
        defer {
            noticeTask?.cancel()
            for task in tasks.values { task.cancel() }
        }

        let first: [FrontEnd.Action]
        if let openid = configuration.initialOpenid, !openid.isEmpty {
            first = frontEnd.send(.lookup(LookupRequest(openid: openid, appid: configuration.appids.first ?? "")))
        } else {
            first = frontEnd.send(.openLookupPrompt)
        }
        if let status = carryOut(first) { return status }

        var repaint = false
        var lastSpin = ContinuousClock.now
        while true {
            terminal.draw(painter.paint(frontEnd.browser, frontEnd.screen), repaint: repaint)
            repaint = false

            let activity = terminal.waitForActivity(timeoutMilliseconds: timeout())
            if activity.hangUp { return 128 + SIGHUP }
            for byte in activity.wakeBytes where byte != 0 && Int32(byte) != SIGWINCH {
                return 128 + Int32(byte)
            }

            let tick = Session.now()
            if tick != frontEnd.browser.now { frontEnd.send(.tick(secondsSince1970: tick)) }

            var actions: [FrontEnd.Action] = []
            let keys = terminal.readKeys()
            if keys.contains(.resize) {
                let size = terminal.size
                actions += frontEnd.send(.resize(TerminalSize(columns: size.width, rows: size.height)))
            }
            actions += frontEnd.handle(keys.filter { $0 != .resize })
            for message in inbox.drain() {
                switch message {
                case .answer(let intent):
                    if case .pageLoaded(let id, _) = intent { tasks[id] = nil }
                    if case .pageFailed(let id, _) = intent { tasks[id] = nil }
                    actions += frontEnd.send(intent)
                case .notice(let text):
                    frontEnd.post(notice: Sanitizer.sanitize(text))
                }
            }
            if frontEnd.browser.isLoading, ContinuousClock.now - lastSpin >= Session.spinnerInterval {
                frontEnd.advanceSpinner()
                lastSpin = ContinuousClock.now
            }

            if actions.contains(.repaint) { repaint = true }
            if let status = carryOut(actions) { return status }
        }
    }

    /// How long the loop may sleep: -1 (until something happens) unless the spinner turns or a time
    /// shown relative to the clock ("expires in 3 days") is about to read differently.
    private func timeout() -> Int32 {
        var milliseconds: Int64 = -1
        if frontEnd.browser.isLoading { milliseconds = 100 }
        if let next = frontEnd.browser.nextTimeChange {
            let untilChange = max(0, next - Session.now()) * 1000 + 20
            milliseconds = milliseconds < 0 ? untilChange : min(milliseconds, untilChange)
        }
        return Int32(clamping: milliseconds)
    }

    /// Carries out actions; returns an exit status when one of them ends the program.
    private func carryOut(_ actions: [FrontEnd.Action]) -> Int32? {
        for action in actions {
            switch action {
            case .fetch(let request):
                start(request)
            case .cancel(let id):
                tasks.removeValue(forKey: id)?.cancel()
            case .copyToClipboard(let text):
                do {
                    terminal.writeRaw(try clipboard.bytes(copying: text))
                } catch {
                    let labels = ScreenLabels(language: configuration.language)
                    frontEnd.post(notice: labels.clipboardRefused(error.description))
                }
            case .repaint:
                break
            case .quit:
                return 0
            }
        }
        return nil
    }

    private func start(_ request: FetchRequest) {
        let client = configuration.client
        let inbox = self.inbox
        tasks[request.id] = Task.detached {
            do throws(CouponClientError) {
                let response = try await client.fetch(request.query)
                inbox.post(.answer(.pageLoaded(request.id, response)))
            } catch {
                inbox.post(.answer(.pageFailed(request.id, error)))
            }
        }
    }

    private func startNotices() {
        guard let notices = configuration.notices else { return }
        let inbox = self.inbox
        noticeTask = Task.detached {
            for await notice in notices {
                inbox.post(.notice(notice))
            }
        }
    }
}
