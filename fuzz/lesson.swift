import Lessons

/// The lesson loader on any file: a lesson or a file:line:col error, nothing else.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Lesson(parsing: text, file: "fuzz.md", id: "fuzz")
    return 0
}
