import TextScreen

/// A JSON value, read from bytes and written as indented text with its keys sorted. A number
/// keeps the text it was written with, so that an integer is read without a detour through
/// `Double`.
enum JSON: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// The deepest nesting read: far beyond the progress file's, and shallow enough for the stack.
    static let maximumDepth = 512

    /// What is not JSON, or not of the shape asked for.
    struct Mismatch: Error {}

    /// The value `bytes` hold: one JSON value, with white space around it.
    init(parsing bytes: [UInt8]) throws(Mismatch) {
        var reader = JSONReader(bytes: bytes)
        self = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw Mismatch() }
    }

    /// The text: two spaces of indent for each level, one member or element a line, the keys of
    /// an object sorted.
    var text: String {
        var text = ""
        write(to: &text, indent: "")
        return text
    }

    private func write(to text: inout String, indent: String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += value
        case .string(let value): text += value.jsonQuoted
        case .array(let elements):
            guard !elements.isEmpty else { return text += "[]" }
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += indent + "  "
                element.write(to: &text, indent: indent + "  ")
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return text += "{}" }
            text += "{\n"
            for (index, key) in members.keys.sorted().enumerated() {
                text += indent + "  "
                text += key.jsonQuoted
                text += " : "
                members[key]?.write(to: &text, indent: indent + "  ")
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }
}

/// A value that is written as JSON and read back from it.
protocol JSONConvertible {
    /// The value `json` holds; a mismatch when it holds no such value.
    init(json: JSON) throws(JSON.Mismatch)

    /// The value as JSON.
    var json: JSON { get }
}

extension JSON {
    /// The members of an object.
    func members() throws(Mismatch) -> [String: JSON] {
        guard case .object(let members) = self else { throw Mismatch() }
        return members
    }
}

extension [String: JSON] {
    /// The member `key`; a member that is missing is a mismatch.
    func member<Member: JSONConvertible>(_ key: String) throws(JSON.Mismatch) -> Member {
        guard let value = self[key] else { throw JSON.Mismatch() }
        return try Member(json: value)
    }

    /// The member `key`; nil when it is missing or null.
    func optionalMember<Member: JSONConvertible>(_ key: String) throws(JSON.Mismatch) -> Member? {
        guard let value = self[key], value != .null else { return nil }
        return try Member(json: value)
    }
}

extension String: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        guard case .string(let value) = json else { throw JSON.Mismatch() }
        self = value
    }

    var json: JSON { .string(self) }
}

extension Bool: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        guard case .bool(let value) = json else { throw JSON.Mismatch() }
        self = value
    }

    var json: JSON { .bool(self) }
}

extension Int: JSONConvertible {
    /// A whole number that fits.
    init(json: JSON) throws(JSON.Mismatch) {
        guard case .number(let text) = json, let value = Int(text) ?? Double(text).flatMap(Int.init(exactly:)) else { throw JSON.Mismatch() }
        self = value
    }

    var json: JSON { .number("\(self)") }
}

extension Double: JSONConvertible {
    /// A number, or one that is not finite written as `json` writes it.
    init(json: JSON) throws(JSON.Mismatch) {
        let value: Double? = switch json {
        // A number too large for a Double reads as infinity: not one the tutor wrote.
        case .number(let text): Double(text).flatMap { $0.isFinite ? $0 : nil }
        case .string("inf"): .infinity
        case .string("-inf"): -.infinity
        case .string("nan"): .nan
        default: nil
        }
        guard let value else { throw JSON.Mismatch() }
        self = value
    }

    /// The number in its shortest form; one that is not finite as the string `inf`, `-inf` or
    /// `nan`, since JSON has no such numbers.
    var json: JSON {
        isNaN ? .string("nan") : isInfinite ? .string(self < 0 ? "-inf" : "inf") : .number("\(self)")
    }
}

extension Array: JSONConvertible where Element: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        guard case .array(let elements) = json else { throw JSON.Mismatch() }
        self = []
        for element in elements { append(try Element(json: element)) }
    }

    var json: JSON { .array(map(\.json)) }
}

extension Dictionary: JSONConvertible where Key == String, Value: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        self = [:]
        for (key, value) in try json.members() { self[key] = try Value(json: value) }
    }

    var json: JSON { .object(mapValues(\.json)) }
}

/// Reads JSON values from bytes, moving `offset` past each.
private struct JSONReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func skipSpace() {
        while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
    }

    /// The next byte, without moving past it.
    var next: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Moves past `byte`, which must come next.
    mutating func expect(_ byte: UInt8) throws(JSON.Mismatch) {
        guard next == byte else { throw JSON.Mismatch() }
        offset += 1
    }

    mutating func value(depth: Int) throws(JSON.Mismatch) -> JSON {
        guard depth < JSON.maximumDepth else { throw JSON.Mismatch() }
        skipSpace()
        switch next {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [String: JSON] = [:]
            skipSpace()
            if next == UInt8(ascii: "}") {
                offset += 1
                return .object(members)
            }
            repeat {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                members[key] = try value(depth: depth + 1)
                skipSpace()
            } while try separator(closing: UInt8(ascii: "}"))
            return .object(members)
        case UInt8(ascii: "["):
            offset += 1
            var elements: [JSON] = []
            skipSpace()
            if next == UInt8(ascii: "]") {
                offset += 1
                return .array(elements)
            }
            repeat {
                elements.append(try value(depth: depth + 1))
                skipSpace()
            } while try separator(closing: UInt8(ascii: "]"))
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        default: return .number(try number())
        }
    }

    /// Moves past a comma (true: another member or element follows) or `closing` (false).
    mutating func separator(closing: UInt8) throws(JSON.Mismatch) -> Bool {
        switch next {
        case UInt8(ascii: ","):
            offset += 1
            return true
        case closing:
            offset += 1
            return false
        default: throw JSON.Mismatch()
        }
    }

    mutating func word(_ text: String, _ value: JSON) throws(JSON.Mismatch) -> JSON {
        for byte in text.utf8 { try expect(byte) }
        return value
    }

    /// A number as written: `-`, digits without a leading zero, a fraction, an exponent.
    mutating func number() throws(JSON.Mismatch) -> String {
        let start = offset
        func digits() -> Int {
            let first = offset
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
            return offset - first
        }
        if next == UInt8(ascii: "-") { offset += 1 }
        let whole = offset
        guard digits() > 0, bytes[whole] != UInt8(ascii: "0") || offset - whole == 1 else { throw JSON.Mismatch() }
        if next == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw JSON.Mismatch() }
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            offset += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw JSON.Mismatch() }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A string in quotes, its escapes undone; its bytes must be UTF-8.
    mutating func string() throws(JSON.Mismatch) -> String {
        try expect(UInt8(ascii: "\""))
        var utf8: [UInt8] = []
        while let byte = next {
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw JSON.Mismatch() }
                return text
            case UInt8(ascii: "\\"):
                guard let escaped = next else { throw JSON.Mismatch() }
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try escapedScalar()).utf8)
                default: throw JSON.Mismatch()
                }
            case 0..<0x20: throw JSON.Mismatch()
            default: utf8.append(byte)
            }
        }
        throw JSON.Mismatch()
    }

    /// The scalar of a `\uXXXX` escape (the `\u` read), or of two, a surrogate pair.
    mutating func escapedScalar() throws(JSON.Mismatch) -> Unicode.Scalar {
        let first = try hexadecimal()
        if (0xD800..<0xDC00).contains(first) {
            try expect(UInt8(ascii: "\\"))
            try expect(UInt8(ascii: "u"))
            let second = try hexadecimal()
            guard (0xDC00..<0xE000).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00)) else { throw JSON.Mismatch() }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw JSON.Mismatch() }
        return scalar
    }

    /// Four hexadecimal digits.
    mutating func hexadecimal() throws(JSON.Mismatch) -> UInt32 {
        let hexadecimal = Array("0123456789abcdefABCDEF".utf8)
        guard offset + 4 <= bytes.count, bytes[offset..<offset + 4].allSatisfy(hexadecimal.contains),
              let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
        else { throw JSON.Mismatch() }
        offset += 4
        return value
    }
}
