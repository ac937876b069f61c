import CouponCore

/// The `json` and `ndjson` formats: each coupon exactly as the API sent it, unknown fields included.
enum CouponJSONWriter {
    /// `{"total_count": N, "offset": O, "limit": L, "data": [...]}` and a newline.
    static func document(_ collection: CouponCollection) -> String {
        let document = JSONValue.object([
            JSONMember("total_count", .number(String(collection.totalCount))),
            JSONMember("offset", .number(String(collection.offset))),
            JSONMember("limit", .number(String(collection.limit))),
            JSONMember("data", .array(collection.coupons.map(\.raw))),
        ])
        return terminalSafe(document.jsonText) + "\n"
    }

    /// One coupon object per line.
    static func lines(_ collection: CouponCollection) -> String {
        collection.coupons.map { terminalSafe($0.raw.jsonText) + "\n" }.joined()
    }

    /// JSON text with C1 controls, bidi overrides and line separators written as `\u` escapes.
    ///
    /// Those characters can only occur inside strings, where the escape means the same thing, so the
    /// document is unchanged for any JSON reader while a terminal shown it cannot act on them.
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x80 && VisibleText.isUnsafe($0) }) else {
            return json
        }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x80, VisibleText.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
