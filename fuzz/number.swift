import BackpropEngine

/// The number reader on any text: a finite value or an error, nothing else.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumber(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let value = try? Tensor(reading: text) {
        precondition(value.scalars.allSatisfy(\.isFinite), "the number reader let a non-finite value through")
    }
    return 0
}
