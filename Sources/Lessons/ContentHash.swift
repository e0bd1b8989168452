/// A hash of a lesson file's text that is the same in every process and on every machine
/// (Swift's `Hasher` is seeded per process): 64-bit FNV-1a over the text's UTF-8 bytes.
enum ContentHash {
    /// The FNV-1a 64 hash of `text`'s UTF-8 bytes.
    static func of(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
}
