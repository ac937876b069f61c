import CouponCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Test func privateKeyFileOwnedByTheUserWithMode600HasNoProblem() {
    let path = TestFiles.makeDirectory() + "/apiclient_key.pem"
    TestFiles.write("key", to: path, mode: 0o600)
    #expect(KeyFilePermissions.problem(atPath: path) == nil)
    chmod(path, 0o400)
    #expect(KeyFilePermissions.problem(atPath: path) == nil)
}

@Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o700 | 0o001])
func keyFileReadableByOthersGivesTheExactChmod(mode: Int) throws {
    let path = TestFiles.makeDirectory() + "/apiclient_key.pem"
    TestFiles.write("key", to: path, mode: mode_t(mode))
    let problem = try #require(KeyFilePermissions.problem(atPath: path))
    #expect(problem == .accessibleByOthers(path: path, mode: UInt32(mode)))
    #expect(problem.fixCommand == "chmod 600 \(path)")
    #expect(problem.description.contains("Run: chmod 600 \(path)"))
}

@Test func pathWithSpacesIsQuotedForTheShell() throws {
    let path = TestFiles.makeDirectory() + "/my key's.pem"
    TestFiles.write("key", to: path, mode: 0o644)
    let problem = try #require(KeyFilePermissions.problem(atPath: path))
    #expect(problem.fixCommand == "chmod 600 '\(path.split(separator: "'")[0])'\\''s.pem'")
}

@Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
func keyFileOwnedBySomeoneElseGivesChownAndChmod() throws {
    let path = TestFiles.makeDirectory() + "/apiclient_key.pem"
    TestFiles.write("key", to: path, mode: 0o600)
    chown(path, 65_534, 65_534)
    let problem = try #require(KeyFilePermissions.problem(atPath: path))
    #expect(problem == .ownedByAnotherUser(path: path, owner: 65_534, currentUser: 0, mode: 0o600))
    #expect(problem.fixCommand == "sudo chown 0 \(path) && chmod 600 \(path)")
    #expect(problem.description.contains("uid 65534"))
}

@Test func missingFileAndDirectoryAreNamed() throws {
    let directory = TestFiles.makeDirectory()
    guard case .unreadable(let path, _)? = KeyFilePermissions.problem(atPath: directory + "/none.pem") else {
        Issue.record("a missing file should be unreadable")
        return
    }
    #expect(path == directory + "/none.pem")
    #expect(KeyFilePermissions.problem(atPath: directory) == .notRegularFile(path: directory))
}
