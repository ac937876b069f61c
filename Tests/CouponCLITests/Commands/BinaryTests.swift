import CouponCore
import Foundation
import Synchronization
import Testing

/// The real `coupondesk` executable, run as a separate process.
struct BinaryTests {
    /// The executable next to the test bundle in the build directory.
    private func executable() throws -> URL {
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let url = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("coupondesk")
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "build coupondesk first: \(url.path)")
        return url
    }

    /// Collects what a pipe delivers, from a background thread.
    private final class PipeReader: Sendable {
        private let collected = Mutex(Data())

        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { return }
                    collected.withLock { $0.append(data) }
                }
            }
        }

        var text: String { String(decoding: collected.withLock { $0 }, as: UTF8.self) }
    }

    private func start(_ arguments: [String], environment: [String: String]) throws -> (Process, PipeReader, PipeReader)
    {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, PipeReader(output), PipeReader(errors))
    }

    private func finish(_ process: Process) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func sandboxAndListAsSeparateProcessesThenSIGTERMStopsTheSandbox() async throws {
        let directory = try TemporaryDirectory()
        let environment = ["HOME": directory.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let (sandbox, sandboxOut, sandboxErr) = try start(
            ["sandbox", "--keys", directory.path + "/keys"],
            environment: environment
        )
        defer { if sandbox.isRunning { sandbox.terminate() } }
        for _ in 0..<1000 where !sandboxOut.text.contains("Press Ctrl-C to stop.") {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(sandboxOut.text.contains("CouponDesk sandbox listening on http://127.0.0.1:"))

        let (list, listOut, listErr) = try start(
            [
                "--config", directory.path + "/keys/config.toml", "--profile", "sandbox", "list", "--openid",
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
            ],
            environment: environment
        )
        await finish(list)
        #expect(list.terminationStatus == 0, "\(listErr.text)")
        let document = try JSONParser.parse(listOut.text)
        #expect(document["data"]?.arrayValue?.isEmpty == false)

        sandbox.terminate()
        await finish(sandbox)
        #expect(sandbox.terminationReason == .exit)
        #expect(sandbox.terminationStatus == 0)
        #expect(sandboxErr.text.contains("GET /v3/marketing/favor/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/coupons"))
        #expect(sandboxErr.text.contains("coupondesk: sandbox stopped"))
    }

    @Test func usageErrorsAndHelpFromTheBinary() async throws {
        let (bad, _, badErr) = try start(["list", "--openid", "o", "--format", "xml"], environment: [:])
        await finish(bad)
        #expect(bad.terminationStatus == 2)
        #expect(badErr.text.contains("--format \"xml\" is not valid"))
        let (help, helpOut, _) = try start(["--help"], environment: [:])
        await finish(help)
        #expect(help.terminationStatus == 0)
        #expect(helpOut.text.contains("Exit status:"))
        let (browse, _, browseErr) = try start(["browse"], environment: ["TERM": "xterm-256color"])
        await finish(browse)
        #expect(browse.terminationStatus == 2)
        #expect(browseErr.text.contains("needs a terminal"))
    }
}
