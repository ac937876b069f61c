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

@Test func randomlyMutatedDocumentsParseOrThrowButNeverTrap() {
    let seeds = [
        TestFixtures.onePageBody,
        #"{"a":[1,-2.5e+3,true,false,null,{"b":"\u00e9\ud83d\ude00\n"}],"c":{}}"#,
        #"[[[[["deep"]]]],"x\\y\"z",0,-0.0,1E-7]"#,
    ]
    var mutator = Mutator(
        seed: 0x4A53_4F4E,
        tokens: ["\\u", "\\ud800", "\"", "{", "[", "]", "}", ":", ",", "-", "1e", "."]
    )
    var parsed = 0
    var refused = 0
    for input in mutator.mutants(of: seeds, count: 3000) {
        do {
            let value = try JSONParser.parse(input)
            parsed += 1
            // Whatever parses must write back out as JSON that parses to the same value.
            if (try? JSONParser.parse(value.jsonText)) != value {
                Issue.record("\(String(decoding: input, as: UTF8.self).debugDescription) does not round-trip")
            }
        } catch {
            refused += 1
            if error.offset < 0 || error.offset > input.count {
                Issue.record("offset \(error.offset) is outside an input of \(input.count) bytes")
            }
        }
    }
    #expect(parsed > 100 && refused > 100, "parsed \(parsed), refused \(refused)")
}
