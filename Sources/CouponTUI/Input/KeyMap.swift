import CouponCore

/// The one table of keys: the decoder looks commands up in it and the help overlay is drawn from it.
public struct KeyMap: Sendable {
    /// A heading the help overlay groups bindings under.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        case move
        case pages
        case filters
        case detail
        case actions
        case editing

        /// The heading as shown.
        public func title(_ language: Language) -> String {
            switch (self, language) {
            case (.move, .english): return "Move"
            case (.move, .chinese): return "移动"
            case (.pages, .english): return "Server pages"
            case (.pages, .chinese): return "服务器分页"
            case (.filters, .english): return "Filters and sort"
            case (.filters, .chinese): return "筛选与排序"
            case (.detail, .english): return "Detail"
            case (.detail, .chinese): return "详情"
            case (.actions, .english): return "Actions"
            case (.actions, .chinese): return "操作"
            case (.editing, .english): return "Editing (filter, lookup)"
            case (.editing, .chinese): return "编辑（筛选、查询）"
            }
        }
    }

    /// A short entry for the hint line, such as `n/p page`.
    public struct Hint: Hashable, Sendable {
        public var keys: String
        public var english: String
        public var chinese: String
        /// Kept at the right end of the hint line, whatever else has to give way.
        public var isPinned = false
        /// Lower ranks come first on the hint line and stay when it is short.
        public var rank = 0

        /// The words while the detail or the help has the focus, where they differ (`j/k scroll`).
        public var detailEnglish: String?
        public var detailChinese: String?
        /// The rank while the detail has the focus, where it differs.
        public var detailRank: Int?

        public func text(_ language: Language) -> String {
            language == .chinese ? chinese : english
        }

        /// The entry as shown in `context`.
        public func adapted(to context: KeyContext) -> Hint {
            guard context == .detail || context == .help else { return self }
            var copy = self
            copy.english = detailEnglish ?? english
            copy.chinese = detailChinese ?? chinese
            copy.rank = detailRank ?? rank
            return copy
        }
    }

    /// One or more keys that run one command in some contexts.
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        public var command: Command
        public var contexts: Set<KeyContext>
        public var section: Section
        public var english: String
        public var chinese: String
        /// The hint-line entry this binding contributes, if any.
        public var hint: Hint?

        /// What the binding does, as the help overlay says it.
        public func help(_ language: Language) -> String {
            language == .chinese ? chinese : english
        }

        /// The keys as written in the help overlay: `j Down`.
        public var keyLabels: String {
            keys.map(\.label).joined(separator: " ")
        }
    }

    public var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The command `key` runs in `context`, if the table has one.
    ///
    /// Ctrl-C quits from everywhere, whatever the table says, so the program can always be left.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if key == .control("c") { return .quit }
        for binding in bindings where binding.contexts.contains(context) && binding.keys.contains(key) {
            return binding.command
        }
        return nil
    }

    /// The bindings that work in `context`, in table order.
    public func bindings(in context: KeyContext) -> [Binding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// The hint-line entries for `context`, most important first.
    public func hints(in context: KeyContext) -> [Hint] {
        bindings(in: context).compactMap { $0.hint?.adapted(to: context) }.enumerated().sorted { left, right in
            (left.element.rank, left.offset) < (right.element.rank, right.offset)
        }.map(\.element)
    }

    /// The keys bound to `command` in `context`, first the preferred one.
    public func keys(for command: Command, in context: KeyContext) -> [Key] {
        bindings(in: context).filter { $0.command == command }.flatMap(\.keys)
    }
}
