import Foundation
import Testing

@testable import CouponBrowser

@Suite struct ModuleBoundaryTests {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sources = root.appendingPathComponent("Sources/CouponBrowser")

    static func swiftFiles() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    @Test func noFileImportsNcursesOrATerminal() throws {
        let files = Self.swiftFiles()
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            #expect(
                imports.allSatisfy { ["CouponCore", "Foundation"].contains($0) },
                "\(file.lastPathComponent): \(imports)"
            )
        }
    }

    static let generator = sources.appendingPathComponent("Text/generate_width_tables.py")

    /// The Unicode version of the machine's python3, when there is one.
    static func pythonUnicodeVersion() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import unicodedata; print(unicodedata.unidata_version)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: pythonUnicodeVersion() == WidthTables.unicodeVersion))
    func committedTablesAreWhatTheGeneratorWrites() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.generator.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let committed = try String(
            contentsOf: Self.sources.appendingPathComponent("Text/WidthTables.swift"),
            encoding: .utf8
        )
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == committed)
    }
}
