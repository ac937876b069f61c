/// The column the list is sorted by.
public enum SortColumn: Sendable, Hashable, CaseIterable {
    /// The order the server returned.
    case serverOrder
    case status
    case name
    case amount
    case validityEnd
    case couponID
    case stockID
}

/// The list's sort: a column and a direction.
public struct SortOrder: Sendable, Hashable {
    public var column: SortColumn
    /// Whether the order is reversed.
    public var isDescending: Bool

    public init(column: SortColumn = .serverOrder, isDescending: Bool = false) {
        self.column = column
        self.isDescending = isDescending
    }

    /// The next column in `SortColumn.allCases`, ascending.
    public func cycled() -> SortOrder {
        let columns = SortColumn.allCases
        let index = columns.firstIndex(of: column) ?? 0
        return SortOrder(column: columns[(index + 1) % columns.count], isDescending: false)
    }

    /// The same column, the other direction.
    public func reversed() -> SortOrder {
        SortOrder(column: column, isDescending: !isDescending)
    }
}
