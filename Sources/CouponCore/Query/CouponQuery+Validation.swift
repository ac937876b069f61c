extension CouponQuery {
    /// The longest openid the API takes (string(128)).
    public static let maximumOpenidLength = 128
    /// The longest appid the API takes (string(128)).
    public static let maximumAppidLength = 128

    /// Checks every field against the API's rules before anything is sent.
    public func validate(callerMchid: String) throws(CouponQueryError) {
        if openid.isEmpty { throw .missingOpenid }
        if openid.unicodeScalars.count > Self.maximumOpenidLength {
            throw .openidTooLong(length: openid.unicodeScalars.count)
        }
        if let bad = openid.unicodeScalars.first(where: Self.isForbiddenInOpenid) {
            throw .openidHasForbiddenCharacter(bad)
        }
        // "." and ".." stay unencoded and HTTP clients resolve them as path steps, so the sent path would differ.
        if openid == "." || openid == ".." {
            throw .openidHasForbiddenCharacter(".")
        }
        if appid.isEmpty { throw .missingAppid }
        if appid.unicodeScalars.count > Self.maximumAppidLength {
            throw .appidTooLong(length: appid.unicodeScalars.count)
        }
        if let bad = appid.unicodeScalars.first(where: { !Self.isPrintableASCII($0) || $0 == " " }) {
            throw .appidHasForbiddenCharacter(bad)
        }
        for (field, value) in [
            ("creator_mchid", creatorMchid), ("sender_mchid", senderMchid), ("available_mchid", availableMchid),
        ] {
            if let value, !value.isEmpty, !Self.isMchid(value) {
                throw .mchidNotDigits(field: field, value: value)
            }
        }
        if !callerMchid.isEmpty, !Self.isMchid(callerMchid) {
            throw .mchidNotDigits(field: "mchid", value: callerMchid)
        }
        if let stockID, !stockID.isEmpty, !stockID.unicodeScalars.allSatisfy(Self.isDigit) {
            throw .stockIDNotDigits(stockID)
        }
        if let status, !status.isEmpty, !Self.statusValues.contains(status) {
            throw .unknownStatus(status)
        }
        if let businessType, !businessType.isEmpty, !Self.businessTypeValues.contains(businessType) {
            throw .unknownBusinessType(businessType)
        }
        if !(1...Self.maximumLimit).contains(limit) { throw .limitOutOfRange(limit) }
        if offset < 0 { throw .negativeOffset(offset) }
    }

    private static func isForbiddenInOpenid(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "?" || scalar == "#" || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .control
    }

    private static func isMchid(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 20 && value.unicodeScalars.allSatisfy(isDigit)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value < 0x7F
    }
}
