/// Repeated samples of one figure, reduced to median, minimum and maximum.
///
/// Samples are plain numbers in `unit`: nanoseconds for times, bytes for memory and traffic.
struct Measurement: Sendable, Hashable {
    /// What a sample counts.
    enum Unit: String, Sendable, Hashable {
        case nanoseconds
        case bytes
    }

    var name: String
    var unit: Unit
    var samples: [Int64]

    init(name: String, unit: Unit, samples: [Int64]) {
        self.name = name
        self.unit = unit
        self.samples = samples
    }

    /// Times `iterations` runs of `body`, after `warmup` runs that are not counted.
    static func time(
        _ name: String,
        iterations: Int,
        warmup: Int = 2,
        _ body: () throws -> Void
    ) rethrows -> Measurement {
        for _ in 0..<warmup { try body() }
        let clock = ContinuousClock()
        var samples: [Int64] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let elapsed = try clock.measure(body)
            samples.append(elapsed.nanoseconds)
        }
        return Measurement(name: name, unit: .nanoseconds, samples: samples)
    }

    /// Times runs of `body` that each prepare their own input first; only `body`'s part is counted.
    ///
    /// `prepare` runs before every sample, outside the clock, so each sample starts from the same state.
    static func time<Input>(
        _ name: String,
        iterations: Int,
        warmup: Int = 2,
        prepare: () throws -> Input,
        _ body: (inout Input) throws -> Void
    ) rethrows -> Measurement {
        let clock = ContinuousClock()
        var samples: [Int64] = []
        samples.reserveCapacity(iterations)
        for run in 0..<(warmup + iterations) {
            var input = try prepare()
            let start = clock.now
            try body(&input)
            let elapsed = clock.now - start
            if run >= warmup { samples.append(elapsed.nanoseconds) }
            withExtendedLifetime(input) {}
        }
        return Measurement(name: name, unit: .nanoseconds, samples: samples)
    }

    /// The median sample, the mean of the middle two for an even count; 0 without samples.
    var median: Int64 {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var minimum: Int64 { samples.min() ?? 0 }
    var maximum: Int64 { samples.max() ?? 0 }

    /// "median (min–max)" in the measurement's unit.
    var summary: String {
        let format = unit == .nanoseconds ? formatNanoseconds : formatBytes
        if samples.count < 2 { return format(median) }
        return "\(format(median)) (\(format(minimum))–\(format(maximum)))"
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Nanoseconds with a unit that keeps three significant figures readable.
func formatNanoseconds(_ nanoseconds: Int64) -> String {
    let value = Double(nanoseconds)
    switch nanoseconds {
    case ..<10_000:
        return "\(nanoseconds) ns"
    case ..<1_000_000:
        return fixed(value / 1_000, digits: 1) + " µs"
    case ..<10_000_000_000:
        return fixed(value / 1_000_000, digits: 2) + " ms"
    default:
        return fixed(value / 1_000_000_000, digits: 2) + " s"
    }
}

/// Bytes in decimal units: B below 10 kB, then kB, then MB with one decimal.
func formatBytes(_ bytes: Int64) -> String {
    switch bytes {
    case ..<10_000:
        return "\(bytes) B"
    case ..<1_000_000:
        return fixed(Double(bytes) / 1_000, digits: 1) + " kB"
    default:
        return fixed(Double(bytes) / 1_000_000, digits: 1) + " MB"
    }
}

/// `value` rounded to `digits` decimals, without Foundation's locale-dependent formatting.
func fixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard scaled.isFinite, scaled.magnitude < 9e15 else { return "\(value)" }
    let whole = Int64(scaled)
    let sign = whole < 0 ? "-" : ""
    let magnitude = whole.magnitude
    let integer = magnitude / UInt64(scale)
    guard digits > 0 else { return sign + String(integer) }
    let fraction = String(magnitude % UInt64(scale))
    return sign + String(integer) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}
