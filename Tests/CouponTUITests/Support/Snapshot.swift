import CouponTUI
import Foundation
import Testing

/// Golden-file checks of painted screens: the text layer and the attribute layer in one file.
///
/// Run with `COUPONDESK_UPDATE_SNAPSHOTS=1` to write the files from the current painter; the diff
/// on failure names each row that differs, with the expected and actual text side by side.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["COUPONDESK_UPDATE_SNAPSHOTS"] == "1"
    }

    /// Compares `grid` with the golden file `name.txt`, or writes it in update mode.
    static func check(_ grid: ScreenGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = grid.snapshot
        if isUpdating {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "no golden file \(file.lastPathComponent); run with COUPONDESK_UPDATE_SNAPSHOTS=1 to record it",
                sourceLocation: sourceLocation
            )
            return
        }
        guard expected != actual else { return }
        Issue.record(
            Comment(rawValue: diff(expected: expected, actual: actual, name: name)),
            sourceLocation: sourceLocation
        )
    }

    /// The rows that differ, numbered, each as `-` expected and `+` actual.
    static func diff(expected: String, actual: String, name: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var report = ["snapshot \(name) differs (COUPONDESK_UPDATE_SNAPSHOTS=1 accepts the new one):"]
        var shown = 0
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? old[index] : "<missing>"
            let right = index < new.count ? new[index] : "<missing>"
            guard left != right else { continue }
            shown += 1
            if shown > 30 {
                report.append("… more rows differ")
                break
            }
            let number = String(repeating: " ", count: max(0, 4 - String(index).count)) + String(index)
            report.append("\(number) - |\(left)|")
            report.append("\(number) + |\(right)|")
        }
        return report.joined(separator: "\n")
    }
}
