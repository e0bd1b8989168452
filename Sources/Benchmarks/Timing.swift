/// How long things take in process: medians of repeated runs, bounded in count and in time.

extension Duration {
    /// This duration in microseconds.
    var microseconds: Double { Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12 }
}

/// The median and the 95th percentile of some timings, in microseconds.
struct Timing {
    let median: Double
    let p95: Double

    init(_ samples: [Duration]) {
        let micro = samples.map(\.microseconds).sorted()
        median = micro[micro.count / 2]
        p95 = micro[min(micro.count - 1, micro.count * 95 / 100)]
    }
}

/// How long `work` takes: run `repetitions` times, or fewer when they have taken `budget`
/// (at least once). `work` returns something that depends on what it computed, so that the
/// optimizer cannot drop it.
func time(repetitions: Int = 300, within budget: Duration = .seconds(2), _ work: () throws -> Int) rethrows -> Timing {
    let clock = ContinuousClock()
    let began = clock.now
    var samples: [Duration] = []
    var sink = 0
    repeat {
        let start = clock.now
        sink &+= try work()
        samples.append(clock.now - start)
    } while samples.count < repetitions && clock.now - began < budget
    precondition(sink != 0, "the timed work computed nothing")
    return Timing(samples)
}

/// The median of some figures.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}
