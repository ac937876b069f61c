import Foundation
import Testing

@testable import CouponSandbox

/// An independent client, Python with the `cryptography` package, signs, calls and verifies against the sandbox.
@Suite struct PythonInteropTests {
    /// The package root, three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func pythonClientSignsCallsAndVerifiesTheSandbox() async throws {
        let python = try PythonEnvironment.withCryptography(
            buildDirectory: Self.packageRoot.appendingPathComponent(".build")
        )
        try await ClientSupport.withSandbox { server in
            let directory = NSTemporaryDirectory() + "coupon-sandbox-interop-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try server.writeClientFiles(to: directory)

            let script = Self.packageRoot.appendingPathComponent("Tests/CouponSandboxTests/Interop/interop_client.py")
                .path
            let result = try PythonEnvironment.run(
                python,
                [script, directory, TestSupport.regularUser, "9"],
                timeout: 60
            )
            #expect(result.status == 0, "interop_client.py failed: \(result.standardError)")
            let summary = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            #expect(summary?["verified"] as? Bool == true)
            #expect(summary?["total_count"] as? Int == 9)
            #expect(summary?["tampered_status"] as? Int == 401)
            #expect(summary?["tampered_code"] as? String == "SIGN_ERROR")
        }
    }
}
