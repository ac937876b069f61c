/// Everything about one coupon, in labelled groups, as the detail pane shows it.
public struct CouponDetail: Sendable, Hashable {
    /// The coupon's name, sanitised.
    public var title: String
    public var groups: [DetailGroup]
    /// The punctuation the detail was written with; its ellipsis marks a cut when laid out.
    public var glyphs: GlyphSet

    public init(title: String, groups: [DetailGroup], glyphs: GlyphSet = .unicode) {
        self.title = title
        self.groups = groups
        self.glyphs = glyphs
    }
}

/// A labelled group of the detail.
public struct DetailGroup: Sendable, Hashable {
    /// Which group it is.
    public enum Kind: Sendable, Hashable {
        case coupon
        case amount
        case validity
        case consumption
        case flags
        case unknownFields
    }

    public var kind: Kind
    /// The title in the chosen language.
    public var title: String
    public var items: [DetailItem]

    public init(kind: Kind, title: String, items: [DetailItem]) {
        self.kind = kind
        self.title = title
        self.items = items
    }
}

/// Which field a detail line shows.
public enum DetailField: Sendable, Hashable {
    case name
    case couponID
    case stockID
    case stockCreatorMchid
    case status
    case type
    case businessType
    case description
    case rule
    case couponAmount
    case transactionMinimum
    case singlePriceMax
    case cutToPrice
    case balance
    case state
    case begins
    case ends
    case received
    case consumeTime
    case consumeMchid
    case transactionID
    case goods
    case noCash
    case singleItem
    /// A field this version does not know, by its key.
    case unknown(String)
}

/// One entry of a detail group.
public enum DetailItem: Sendable, Hashable {
    /// A labelled value.
    case field(DetailField, label: String, value: String)
    /// A table, such as the goods of a consumption.
    case table(DetailTable)
}

/// A column of the goods table.
public enum GoodsColumn: Sendable, Hashable, CaseIterable {
    case goodsID
    case quantity
    case unitPrice
    case discount
    case lineTotal

    public var alignment: TextLayout.Alignment {
        self == .goodsID ? .left : .right
    }
}

/// A table of the detail, with an optional total row.
public struct DetailTable: Sendable, Hashable {
    public var titles: [String]
    public var alignments: [TextLayout.Alignment]
    public var rows: [[String]]
    /// The total row, drawn under a rule.
    public var total: [String]?

    public init(titles: [String], alignments: [TextLayout.Alignment], rows: [[String]], total: [String]?) {
        self.titles = titles
        self.alignments = alignments
        self.rows = rows
        self.total = total
    }
}
