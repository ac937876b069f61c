/// The look of each role in one colour mode: colours on the terminal's default background, plus attributes.
///
/// Meaning never rests on colour alone: statuses, errors and verification are also written as words,
/// the selection is reversed, and monochrome uses bold, reverse, underline and dim where colour would be.
public struct Theme: Hashable, Sendable {
    public let mode: ColorMode
    private let styles: [Role: CellStyle]

    public init(mode: ColorMode) {
        self.mode = mode
        var styles: [Role: CellStyle] = [:]
        for role in Role.allCases {
            styles[role] = Theme.style(for: role, mode: mode)
        }
        self.styles = styles
    }

    /// The style of `role`.
    public func style(_ role: Role) -> CellStyle {
        styles[role] ?? .plain
    }

    private static func style(for role: Role, mode: ColorMode) -> CellStyle {
        let attributes = attributes(for: role, mode: mode)
        guard mode != .monochrome else { return CellStyle(attributes: attributes) }
        let color = mode == .extended ? extendedColor(for: role) : basicColor(for: role)
        return CellStyle(foreground: color, attributes: attributes)
    }

    private static func attributes(for role: Role, mode: ColorMode) -> TextAttributes {
        switch role {
        case .text, .label, .usable, .used, .otherStatus:
            return []
        case .key:
            return [.bold]
        case .muted, .border, .toggleOff:
            return mode == .extended ? [] : [.dim]
        case .backdrop:
            return [.dim]
        case .expired:
            return mode == .monochrome ? [.dim] : []
        case .title:
            return [.reverse, .bold]
        case .merchant:
            return [.reverse, .bold, .underline]
        case .heading:
            return [.bold, .underline]
        case .selection:
            return [.reverse, .bold]
        case .selectionInactive:
            return [.underline, .bold]
        case .money, .toggleOn, .success:
            return [.bold]
        case .error:
            return mode == .monochrome ? [.bold, .reverse] : [.bold]
        case .warning:
            return mode == .monochrome ? [.bold, .underline] : [.bold]
        }
    }

    private static func basicColor(for role: Role) -> TerminalColor {
        switch role {
        case .text, .muted, .border, .toggleOff, .selection, .selectionInactive, .heading, .money, .backdrop:
            return .default
        case .title: return .cyan
        case .merchant: return .yellow
        case .label: return .cyan
        case .usable, .success: return .green
        case .used: return .blue
        case .expired: return .red
        case .otherStatus: return .magenta
        case .error: return .red
        case .warning: return .yellow
        case .key: return .cyan
        case .toggleOn: return .green
        }
    }

    private static func extendedColor(for role: Role) -> TerminalColor {
        switch role {
        case .text, .selection, .selectionInactive, .heading: return .default
        case .muted, .toggleOff: return .palette(245)
        case .border, .backdrop: return .palette(240)
        case .title: return .palette(31)
        case .merchant: return .palette(178)
        case .label: return .palette(67)
        case .usable, .success, .toggleOn: return .palette(71)
        case .used: return .palette(75)
        case .expired: return .palette(167)
        case .otherStatus: return .palette(170)
        case .money: return .palette(179)
        case .error: return .palette(196)
        case .warning: return .palette(214)
        case .key: return .palette(38)
        }
    }
}
