import Foundation

/// Finds a python3 that can import `cryptography`, making a virtual environment for it when needed.
enum PythonEnvironment {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The interpreter to use: the system python3 when it has `cryptography`, else one in a venv under `.build`.
    static func withCryptography(buildDirectory: URL) throws -> String {
        if let system = try? run("python3", ["-c", "import cryptography"], timeout: 30), system.status == 0 {
            return "python3"
        }
        let environment = buildDirectory.appendingPathComponent("sandbox-interop-venv")
        let python = environment.appendingPathComponent("bin/python3").path
        if let existing = try? run(python, ["-c", "import cryptography"], timeout: 30), existing.status == 0 {
            return python
        }
        let created = try run("python3", ["-m", "venv", environment.path], timeout: 120)
        guard created.status == 0 else {
            throw Failure(
                description: "python3 has no cryptography package and cannot make a virtual environment "
                    + "(\(created.standardError.prefix(200))); install python3-venv, or python3-cryptography"
            )
        }
        let installed = try run(python, ["-m", "pip", "install", "--quiet", "cryptography"], timeout: 300)
        guard installed.status == 0 else {
            throw Failure(description: "pip could not install cryptography: \(installed.standardError.prefix(400))")
        }
        return python
    }

    /// Runs a program found on PATH (or at a path) and collects its output; kills it after `timeout` seconds.
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()

        // Both pipes are drained while the process runs, so a chatty child cannot block on a full pipe.
        let collected = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        collected.enter()
        DispatchQueue.global().async {
            outputData = output.fileHandleForReading.readDataToEndOfFile()
            collected.leave()
        }
        collected.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            collected.leave()
        }
        if collected.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            collected.wait()
            process.waitUntilExit()
            throw Failure(description: "\(program) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}
