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

        public func text(_ language: Language) -> String {
            language == .chinese ? chinese : english
        }
    }

    /// One or more keys that run one command in some focuses.
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        public var command: Command
        public var focuses: Set<Focus>
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

    /// The command `key` runs in `focus`, if the table has one.
    ///
    /// Ctrl-C quits from everywhere, whatever the table says, so the program can always be left.
    public func command(for key: Key, in focus: Focus) -> Command? {
        if key == .control("c") { return .quit }
        for binding in bindings where binding.focuses.contains(focus) && binding.keys.contains(key) {
            return binding.command
        }
        return nil
    }

    /// The bindings that work in `focus`, in table order.
    public func bindings(in focus: Focus) -> [Binding] {
        bindings.filter { $0.focuses.contains(focus) }
    }

    /// The hint-line entries for `focus`, in table order.
    public func hints(in focus: Focus) -> [Hint] {
        bindings(in: focus).compactMap(\.hint)
    }

    /// The keys bound to `command` in `focus`, first the preferred one.
    public func keys(for command: Command, in focus: Focus) -> [Key] {
        bindings(in: focus).filter { $0.command == command }.flatMap(\.keys)
    }
}
