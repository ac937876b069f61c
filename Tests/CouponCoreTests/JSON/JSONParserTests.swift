import CouponCore
import Testing

@Test func objectsKeepKeyOrderAndNumbersKeepTheirText() throws {
    let value = try JSONParser.parse(#"{"b":1.50,"a":-0,"c":1e400}"#)
    #expect(value.objectMembers?.map(\.key) == ["b", "a", "c"])
    #expect(value["b"] == .number("1.50"))
    #expect(value["c"] == .number("1e400"))
    #expect(value.jsonText == #"{"b":1.50,"a":-0,"c":1e400}"#)
}

@Test func escapesAndSurrogatePairsDecode() throws {
    let value = try JSONParser.parse(#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#)
    #expect(value.stringValue == "a\"\\/\u{08}\u{0C}\n\r\té😀")
}

@Test func loneSurrogatesAndBadUTF8BecomeReplacementCharacters() throws {
    #expect(try JSONParser.parse(#""\ud800x""#).stringValue == "\u{FFFD}x")
    #expect(try JSONParser.parse([0x22, 0xFF, 0x22]).stringValue == "\u{FFFD}")
}

@Test(arguments: [
    "", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "tru", "nul", "01", "1.", "-", "1e", "\"abc", "\"\u{01}\"", "\"\\x\"",
    "\"\\u12\"", "[1] 2", "{1:2}", "NaN",
])
func malformedDocumentsThrowWithoutTrapping(text: String) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
}

@Test func nestingIsLimitedToTheMaximumDepth() throws {
    let ok =
        String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
    #expect(throws: Never.self) { try JSONParser.parse(ok) }
    let deep =
        String(repeating: "[", count: JSONParser.maximumDepth + 1)
        + String(repeating: "]", count: JSONParser.maximumDepth + 1)
    let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    #expect(error?.reason.contains("nesting") == true)
}

@Test func serializationEscapesEveryControlCharacter() {
    var output = ""
    JSONValue.writeQuoted("a\u{1B}b\u{7F}\n", into: &output)
    #expect(output == #""a\u001bb\u007f\n""#)
}

@Test func accessorsReadIntegersStringsAndBooleans() throws {
    let value = try JSONParser.parse(#"{"n":"42","m":7,"f":1.5,"t":true,"s":"false"}"#)
    #expect(value["n"]?.int64Value == 42)
    #expect(value["m"]?.int64Value == 7)
    #expect(value["f"]?.int64Value == nil)
    #expect(value["t"]?.boolValue == true)
    #expect(value["s"]?.boolValue == false)
    #expect(value["missing"] == nil)
}
