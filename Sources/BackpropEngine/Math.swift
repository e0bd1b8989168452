#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's elementary functions, under names that do not clash with the engine's own.
enum Math {
    /// eˣ.
    static func exp(_ x: Double) -> Double { cExp(x) }
    /// The natural logarithm.
    static func log(_ x: Double) -> Double { cLog(x) }
    /// xʸ.
    static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    /// The hyperbolic tangent, exactly ±1 far out and never NaN.
    static func tanh(_ x: Double) -> Double { cTanh(x) }
    /// log(1 + x), accurate where x is tiny.
    static func log1p(_ x: Double) -> Double { cLog1p(x) }
}

private func cExp(_ x: Double) -> Double { exp(x) }
private func cLog(_ x: Double) -> Double { log(x) }
private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func cTanh(_ x: Double) -> Double { tanh(x) }
private func cLog1p(_ x: Double) -> Double { log1p(x) }
