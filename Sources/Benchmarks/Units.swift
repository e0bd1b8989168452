import Foundation

/// How the figures are written: durations from microseconds, memory from kilobytes, ratios.
enum Units {
    /// `0.053 µs`, `14.2 µs`, `12.9 ms`, `1.30 s`.
    static func duration(microseconds: Double) -> String {
        switch microseconds {
        case ..<1: String(format: "%.3f µs", microseconds)
        case ..<1_000: String(format: "%.1f µs", microseconds)
        case ..<1_000_000: String(format: "%.1f ms", microseconds / 1_000)
        default: String(format: "%.2f s", microseconds / 1_000_000)
        }
    }

    /// `820 KB`, `19.5 MB`, `1.40 GB`, from kilobytes of 1,024 bytes (as `getrusage` counts).
    static func memory(kilobytes: Double) -> String {
        switch abs(kilobytes) {
        case ..<1_000: String(format: "%.1f KB", kilobytes)
        case ..<(1_000 * 1_024): String(format: "%.1f MB", kilobytes / 1_024)
        default: String(format: "%.2f GB", kilobytes / (1_024 * 1_024))
        }
    }

    /// `3.9×`, `0.19×`, `268×`.
    static func ratio(_ value: Double) -> String {
        switch value {
        case ..<1: String(format: "%.2f×", value)
        case ..<100: String(format: "%.1f×", value)
        default: String(format: "%.0f×", value)
        }
    }

    /// `1,000`, `100,000`.
    static func count(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
