import CouponCore
import Testing

private let caller = "1900000001"

private func valid() -> CouponQuery {
    CouponQuery(openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", appid: "wx233544546545989")
}

private func failure(_ change: (inout CouponQuery) -> Void, caller: String = caller) -> CouponQueryError? {
    var query = valid()
    change(&query)
    do {
        try query.validate(callerMchid: caller)
        return nil
    } catch {
        return error
    }
}

@Test func wellFormedQueryPassesValidation() throws {
    try valid().validate(callerMchid: caller)
}

@Test func emptyOpenidIsRefused() {
    #expect(failure { $0.openid = "" } == .missingOpenid)
}

@Test func openidOf128CharactersPassesAnd129IsTooLong() {
    #expect(failure { $0.openid = String(repeating: "o", count: 128) } == nil)
    #expect(failure { $0.openid = String(repeating: "o", count: 129) } == .openidTooLong(length: 129))
}

@Test(arguments: ["o/x", "o?x", "o#x", "o x", "o\tx", "o\nx", "o\u{3000}x", "o\u{7}x"])
func openidWithAForbiddenCharacterIsRefused(openid: String) {
    let error = failure { $0.openid = openid }
    guard case .openidHasForbiddenCharacter? = error else {
        Issue.record(
            "expected a forbidden character error for \(openid.debugDescription), got \(String(describing: error))"
        )
        return
    }
    #expect(error?.field == "openid")
    #expect(error?.description.unicodeScalars.contains { $0.value < 0x20 } == false)
}

// A dot segment stays unencoded and is resolved by HTTP clients, so the path sent would differ from the one signed.
@Test(arguments: [".", ".."])
func openidThatIsADotSegmentIsRefused(openid: String) {
    let error = failure { $0.openid = openid }
    #expect(error == .openidHasForbiddenCharacter("."))
    #expect(error?.description.contains("path step") == true)
    #expect(failure { $0.openid = "..." } == nil)
}

@Test func missingAppidIsRefusedWithWhereToSetIt() {
    #expect(failure { $0.appid = "" } == .missingAppid)
    #expect(CouponQueryError.missingAppid.description.contains("--appid"))
}

@Test func appidWithSpacesOrNonASCIIIsRefused() {
    #expect(failure { $0.appid = "wx 1" } == .appidHasForbiddenCharacter(" "))
    #expect(failure { $0.appid = "wx中" } == .appidHasForbiddenCharacter("中"))
    #expect(failure { $0.appid = String(repeating: "w", count: 129) } == .appidTooLong(length: 129))
}

@Test(arguments: ["creator_mchid", "sender_mchid", "available_mchid"])
func mchidThatIsNotDigitsIsRefusedNamingTheField(field: String) {
    func setting(_ value: String) -> (inout CouponQuery) -> Void {
        { query in
            switch field {
            case "creator_mchid": query.creatorMchid = value
            case "sender_mchid": query.senderMchid = value
            default: query.availableMchid = value
            }
        }
    }
    let error = failure(setting("19000a"))
    #expect(error == .mchidNotDigits(field: field, value: "19000a"))
    #expect(error?.field == field)
    let tooLong = String(repeating: "1", count: 21)
    #expect(failure(setting(tooLong)) == .mchidNotDigits(field: field, value: tooLong))
    #expect(failure(setting("1900000001")) == nil)
}

@Test func callersOwnMchidMustBeDigitsToo() {
    #expect(failure({ _ in }, caller: "abc") == .mchidNotDigits(field: "mchid", value: "abc"))
}

@Test func stockIDMustBeDigits() {
    #expect(failure { $0.stockID = "98-65" } == .stockIDNotDigits("98-65"))
    #expect(failure { $0.stockID = "9865000" } == nil)
}

@Test func onlySENDEDAndUSEDAreAcceptedAsStatus() {
    #expect(failure { $0.status = "SENDED" } == nil)
    #expect(failure { $0.status = "USED" } == nil)
    #expect(failure { $0.status = "EXPIRED" } == .unknownStatus("EXPIRED"))
    #expect(failure { $0.status = "sended" } == .unknownStatus("sended"))
}

@Test func onlyMULTIUSEIsAcceptedAsBusinessType() {
    #expect(failure { $0.businessType = "MULTIUSE" } == nil)
    #expect(failure { $0.businessType = "SINGLE" } == .unknownBusinessType("SINGLE"))
}

@Test func limitMustBeFrom1To100() {
    #expect(failure { $0.limit = 0 } == .limitOutOfRange(0))
    #expect(failure { $0.limit = 101 } == .limitOutOfRange(101))
    #expect(failure { $0.limit = 1 } == nil)
    #expect(failure { $0.limit = 100 } == nil)
}

@Test func offsetMustNotBeNegative() {
    #expect(failure { $0.offset = -1 } == .negativeOffset(-1))
    #expect(failure { $0.offset = 0 } == nil)
}

@Test func validationErrorsShowControlCharactersAsEscapes() {
    let error = CouponQueryError.unknownStatus("USED\u{1B}[2J")
    #expect(!error.description.contains("\u{1B}"))
    #expect(error.description.contains("\\u{1B}"))
}

// A bidi override is no control character, yet it reorders what a terminal shows after it.
@Test func forbiddenCharacterThatReordersTextIsNamedByItsCodePoint() {
    let error = failure { $0.appid = "wx\u{202E}1" }
    #expect(error == .appidHasForbiddenCharacter("\u{202E}"))
    #expect(error?.description.contains("U+202E") == true)
    #expect(error?.description.unicodeScalars.contains("\u{202E}") == false)
}
