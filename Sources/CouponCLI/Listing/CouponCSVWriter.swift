import CouponBrowser
import CouponCore

/// The `csv` format: RFC 4180, a header row, one coupon per row, every amount in fen and in yuan.
enum CouponCSVWriter {
    /// A column: its header and how a coupon's raw JSON fills it.
    private struct Column {
        var header: String
        var isNumber: Bool
        var value: @Sendable (JSONValue) -> String
    }

    private static func text(_ path: String...) -> @Sendable (JSONValue) -> String {
        { raw in
            var value: JSONValue? = raw
            for key in path { value = value?[key] }
            switch value {
            case .string(let text)?: return text
            case .number(let text)?: return text
            case .bool(let flag)?: return flag ? "true" : "false"
            default: return ""
            }
        }
    }

    private static func amount(_ path: String...) -> [Column] {
        let name = path.last ?? ""
        let read: @Sendable (JSONValue) -> Int64? = { raw in
            var value: JSONValue? = raw
            for key in path { value = value?[key] }
            return value?.int64Value
        }
        return [
            Column(header: name + "_fen", isNumber: true) { read($0).map(String.init) ?? "" },
            Column(header: name + "_yuan", isNumber: true) { read($0).map { Money(fen: $0).yuanDigits } ?? "" },
        ]
    }

    private static let columns: [Column] =
        [
            Column(header: "coupon_id", isNumber: false, value: text("coupon_id")),
            Column(header: "stock_id", isNumber: false, value: text("stock_id")),
            Column(header: "stock_creator_mchid", isNumber: false, value: text("stock_creator_mchid")),
            Column(header: "coupon_name", isNumber: false, value: text("coupon_name")),
            Column(header: "description", isNumber: false, value: text("description")),
            Column(header: "status", isNumber: false, value: text("status")),
            Column(header: "coupon_type", isNumber: false, value: text("coupon_type")),
            Column(header: "business_type", isNumber: false, value: text("business_type")),
        ]
        + amount("normal_coupon_information", "coupon_amount")
        + amount("normal_coupon_information", "transaction_minimum")
        + amount("cut_to_message", "single_price_max")
        + amount("cut_to_message", "cut_to_price")
        + amount("available_balance")
        + [
            Column(header: "create_time", isNumber: false, value: text("create_time")),
            Column(header: "available_begin_time", isNumber: false, value: text("available_begin_time")),
            Column(header: "available_end_time", isNumber: false, value: text("available_end_time")),
            Column(header: "no_cash", isNumber: false, value: text("no_cash")),
            Column(header: "singleitem", isNumber: false, value: text("singleitem")),
            Column(header: "consume_time", isNumber: false, value: text("consume_information", "consume_time")),
            Column(header: "consume_mchid", isNumber: false, value: text("consume_information", "consume_mchid")),
            Column(header: "transaction_id", isNumber: false, value: text("consume_information", "transaction_id")),
            Column(header: "goods_lines", isNumber: true) { raw in
                raw["consume_information"]?["goods_detail"]?.arrayValue.map { String($0.count) } ?? ""
            },
        ]

    /// The header names, in order.
    static var headers: [String] { columns.map(\.header) }

    /// The whole CSV text; with `forTerminal`, control characters are replaced so the terminal cannot act on them.
    static func document(_ collection: CouponCollection, forTerminal: Bool) -> String {
        var output = columns.map(\.header).joined(separator: ",") + "\r\n"
        for coupon in collection.coupons {
            let fields = columns.map { column -> String in
                var value = column.value(coupon.raw)
                if forTerminal { value = Sanitizer.sanitize(value) }
                if !column.isNumber { value = neutralized(value) }
                return quoted(value)
            }
            output += fields.joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// A text field that a spreadsheet would run as a formula, prefixed with `'` so it stays text.
    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + value : value
    }

    /// A field quoted as RFC 4180 requires when it holds a comma, a quote, a line break or edge spaces.
    static func quoted(_ value: String) -> String {
        let needsQuotes =
            value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        var escaped = ""
        for character in value {
            escaped += character == "\"" ? "\"\"" : String(character)
        }
        return "\"" + escaped + "\""
    }
}
