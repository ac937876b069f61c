/// A run of text in one style, the unit lines are built from.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle) {
        self.text = text
        self.style = style
    }
}
