/// A JSON document as the server sent it: object keys keep their order and numbers keep their text.
///
/// Keeping the literal text of numbers and the order of keys lets exports reproduce the API's own
/// objects, including fields this version does not know.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as the exact literal from the document.
    case number(String)
    /// A string, escapes decoded.
    case string(String)
    /// An array, in document order.
    case array([JSONValue])
    /// An object, as its members in document order.
    case object([JSONMember])

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The text, when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as a 64-bit integer, when this is an integral number or a string of digits.
    public var int64Value: Int64? {
        switch self {
        case .number(let text), .string(let text):
            return Int64(text)
        default:
            return nil
        }
    }

    /// The value as a Boolean; the strings `"true"` and `"false"` count, as some mirrors of the API send them.
    public var boolValue: Bool? {
        switch self {
        case .bool(let flag):
            return flag
        case .string("true"):
            return true
        case .string("false"):
            return false
        default:
            return nil
        }
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members, when this is an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The member's name.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
