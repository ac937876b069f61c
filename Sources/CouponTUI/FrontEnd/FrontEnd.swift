import CouponBrowser

/// The front end's model: the browser's state, the screen's own, and the key map that joins keys to both.
///
/// Keys are turned into browser intents and applied at once, on the caller's thread, so every key
/// is read against the state the key before it produced (a pasted `/q` filters for "q" rather than
/// quitting). What has to happen outside (fetches, the clipboard, a repaint, the end) comes back as
/// actions for the event loop.
public struct FrontEnd: Sendable {
    /// Something the event loop carries out.
    public enum Action: Sendable, Hashable {
        case fetch(FetchRequest)
        case cancel(RequestID)
        case copyToClipboard(String)
        /// Clear the terminal and send the whole screen again.
        case repaint
        case quit
    }

    public private(set) var browser: BrowserState
    public private(set) var screen: ScreenState
    public let keyMap: KeyMap

    public init(browser: BrowserState, screen: ScreenState = ScreenState(), keyMap: KeyMap = .standard) {
        self.browser = browser
        self.screen = screen
        self.keyMap = keyMap
    }

    /// Where keys go now.
    public var keyContext: KeyContext { screen.keyContext(for: browser) }

    /// Applies a browser intent and returns what the loop has to do for it.
    @discardableResult
    public mutating func send(_ intent: BrowserIntent) -> [Action] {
        browser.apply(intent).map { effect in
            switch effect {
            case .fetch(let request): return .fetch(request)
            case .cancel(let id): return .cancel(id)
            case .copyToClipboard(let text, _): return .copyToClipboard(text)
            case .quit: return .quit
            }
        }
    }

    /// Handles keys in the order pressed; runs of typed characters in a text field become one edit.
    public mutating func handle(_ keys: [Key]) -> [Action] {
        guard !keys.isEmpty else { return [] }
        screen.notices.removeAll()
        var actions: [Action] = []
        var typed = ""

        func flushTyped(_ frontEnd: inout FrontEnd) {
            guard !typed.isEmpty else { return }
            actions += frontEnd.type(typed)
            typed = ""
        }

        for key in keys {
            let context = keyContext
            let command = keyMap.command(for: key, in: context)
            if command == nil, context.takesText, case .character(let character) = key {
                typed.append(character)
                continue
            }
            flushTyped(&self)
            guard let command else { continue }
            actions += perform(command, in: context)
            if actions.contains(.quit) { return actions }
        }
        flushTyped(&self)
        return actions
    }

    /// Shows a message from outside the browser (an audit-log failure) until the next key.
    public mutating func post(notice: String) {
        screen.notices.append(notice)
        if screen.notices.count > 3 { screen.notices.removeFirst(screen.notices.count - 3) }
    }

    /// Turns the spinner one step.
    public mutating func advanceSpinner() {
        screen.spinnerFrame = (screen.spinnerFrame + 1) % 840
    }

    private mutating func type(_ text: String) -> [Action] {
        switch keyContext {
        case .filter: return send(.editTextFilter(.insert(text)))
        case .prompt: return send(.editLookup(.insert(text)))
        default: return []
        }
    }

    private mutating func perform(_ command: Command, in context: KeyContext) -> [Action] {
        switch command {
        case .move(let movement):
            if context == .help {
                scrollHelp(movement)
                return []
            }
            return send(.move(movement))
        case .nextServerPage: return send(.nextPage)
        case .previousServerPage: return send(.previousPage)
        case .toggleStatus(let category): return send(.toggleStatus(category))
        case .showAllStatuses: return send(.showAllStatuses)
        case .switchQueryMode: return send(.switchQueryMode)
        case .startFilter: return send(.beginTextFilter)
        case .cycleSort: return send(.cycleSort)
        case .reverseSort: return send(.reverseSort)
        case .openDetail: return send(.openDetail)
        case .toggleFocus: return send(.toggleFocus)
        case .toggleFullScreenDetail: return send(.toggleDetailFullScreen)
        case .openLookup:
            screen.suggestionIndex = nil
            return send(.openLookupPrompt)
        case .refresh: return send(.refresh)
        case .copyCouponID: return send(.copyCouponID)
        case .copyTransactionID: return send(.copyTransactionID)
        case .repaint: return [.repaint]
        case .showHelp:
            screen.isHelpOpen = true
            screen.helpScroll = 0
            return []
        case .quit: return send(.quit)
        case .back:
            switch context {
            case .help:
                screen.isHelpOpen = false
                return []
            case .dialog:
                screen.dismissedError = browser.error
                return []
            default:
                return send(.back)
            }
        case .edit(let edit):
            return context == .filter ? send(.editTextFilter(edit)) : send(.editLookup(edit))
        case .accept:
            return context == .filter ? send(.commitTextFilter) : send(.submitLookup)
        case .cancel:
            return context == .filter ? send(.cancelTextFilter) : send(.cancelLookup)
        case .nextField:
            return send(.switchLookupField)
        case .nextSuggestion:
            return pickSuggestion(step: 1)
        case .previousSuggestion:
            return pickSuggestion(step: -1)
        }
    }

    /// Puts the next or previous suggested user into the prompt, appid included when it is asked for.
    private mutating func pickSuggestion(step: Int) -> [Action] {
        let count = screen.suggestions.count
        guard count > 0, browser.prompt.isOpen else { return [] }
        let index: Int
        if let current = screen.suggestionIndex {
            index = ((current + step) % count + count) % count
        } else {
            index = step > 0 ? 0 : count - 1
        }
        screen.suggestionIndex = index
        let suggestion = screen.suggestions[index]

        var actions: [Action] = []
        if browser.prompt.field == .appid { actions += send(.switchLookupField) }
        actions += send(.editLookup(.clear))
        actions += send(.editLookup(.insert(suggestion.openid)))
        if browser.prompt.asksForAppid, !suggestion.appid.isEmpty {
            actions += send(.switchLookupField)
            actions += send(.editLookup(.clear))
            actions += send(.editLookup(.insert(suggestion.appid)))
            actions += send(.switchLookupField)
        }
        return actions
    }

    private mutating func scrollHelp(_ movement: Movement) {
        let total = Frame.helpLineCount(keyMap: keyMap)
        let (viewport, columns) = Frame.helpGeometry(browser.size)
        let lines = columns == 1 ? total : (total + 1) / 2
        let limit = max(0, lines - viewport)
        screen.helpScroll = min(
            max(0, movement.apply(to: screen.helpScroll, count: limit + 1, viewport: viewport)),
            limit
        )
    }
}
