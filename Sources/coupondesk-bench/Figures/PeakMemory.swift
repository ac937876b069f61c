#if canImport(Glibc)
import Glibc
#endif

/// This process's resident memory, as the kernel reports it in `/proc/self/status`.
struct PeakMemory: Sendable, Hashable {
    /// `VmHWM`: the most resident memory the process has had, in bytes.
    var peakBytes: Int64
    /// `VmRSS`: the resident memory now, in bytes.
    var currentBytes: Int64

    /// Reads `/proc/self/status`.
    static func read() throws(BenchError) -> PeakMemory {
        let text = try readStatusFile("/proc/self/status")
        return try parse(status: text)
    }

    /// Picks `VmHWM` and `VmRSS` out of a `/proc/PID/status` text.
    static func parse(status text: String) throws(BenchError) -> PeakMemory {
        var peak: Int64?
        var current: Int64?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmHWM:") { peak = kilobytes(line) }
            if line.hasPrefix("VmRSS:") { current = kilobytes(line) }
        }
        guard let peak, let current else {
            throw .failed("/proc/self/status has no VmHWM or VmRSS line; this needs Linux")
        }
        return PeakMemory(peakBytes: peak * 1_024, currentBytes: current * 1_024)
    }

    /// `VmHWM:     12345 kB` as 12345.
    private static func kilobytes(_ line: Substring) -> Int64? {
        let digits = line.drop { !$0.isNumber }.prefix { $0.isNumber }
        return Int64(digits)
    }

    private static func readStatusFile(_ path: String) throws(BenchError) -> String {
        guard let file = fopen(path, "r") else {
            throw .failed("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
