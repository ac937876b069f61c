import Foundation

/// A folder under /tmp for one test, removed with everything in it when the value goes away.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/coupondesk-bench-test-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
