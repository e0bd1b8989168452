/// `actual` lies within `tolerance` of `expected`; a missing or NaN `actual` is never close.
public func isClose(_ actual: Double?, _ expected: Double, within tolerance: Double = 1e-12) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) < tolerance
}
