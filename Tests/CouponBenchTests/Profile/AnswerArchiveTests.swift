import CouponBrowser
import CouponCore
import Testing

@testable import coupondesk_bench

@Test func savedAnswersReadBackAndReplayIntoTheBrowser() async throws {
    let session = try await SandboxSession.open(environment: [:])
    defer { session.close() }
    let openid = try session.user(nil)
    let archive = try await AnswerArchive.fetch(
        openid: openid,
        connection: session.connection,
        pageSize: 50,
        maximumPages: 2
    )
    #expect(archive.pages.count == 2)

    let folder = try TemporaryFolder()
    try archive.save(to: folder.path)
    let loaded = try AnswerArchive.load(from: folder.path)
    #expect(loaded.openid == openid)
    #expect(loaded.pageSize == 50)
    #expect(loaded.pages.map(\.body) == archive.pages.map(\.body))
    #expect(loaded.pages[0].headers["Wechatpay-Signature"] == archive.pages[0].headers["Wechatpay-Signature"])
    #expect(loaded.wechatPayKey.fingerprint == session.connection.wechatPayKey.fingerprint)

    let browser = try ReplayLoader.load(loaded, size: TerminalSize(columns: 120, rows: 40))
    #expect(browser.pageCount == 2)
    #expect(browser.couponCount == 100)
    #expect(browser.state.pageSummary?.page == 1)
    #expect(browser.state.isCached(page: 1))

    for subject in ProfileRun.Subject.allCases {
        var options = InProcessOptions()
        options.iterations = 3
        options.sizes = [TerminalSize(columns: 120, rows: 40)]
        let figures = try ProfileRun.run(subject, archiveDirectory: folder.path, options: options)
        #expect(!figures.isEmpty, "\(subject)")
        #expect(figures.allSatisfy { $0.measurement.samples.count == 3 }, "\(subject)")
    }
}

@Test func aFolderWithoutAnswersSaysHowToMakeThem() throws {
    let folder = try TemporaryFolder()
    let error = #expect(throws: BenchError.self) { try AnswerArchive.load(from: folder.path) }
    #expect(error?.description.contains("save-answers") == true)
}
