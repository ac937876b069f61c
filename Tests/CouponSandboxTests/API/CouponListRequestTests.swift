import CouponCore
import Testing

@testable import CouponSandbox

/// Reading a coupon-list query as WeChat Pay would, straight from the path segment and query text.
@Suite struct CouponListRequestTests {
    private func parse(_ query: String, openid: String = "o1") -> Result<CouponListRequest, APIFailure> {
        CouponListRequest.parse(openidSegment: Substring(openid), query: Substring(query))
    }

    @Test func issuedByQueryKeepsItsFiltersAndPaging() throws {
        let request = try parse("appid=wx1&creator_mchid=1900008361&stock_id=9&status=USED&offset=2&limit=50").get()
        #expect(request.mode == .issuedBy(mchid: "1900008361"))
        #expect(request.stockID == "9" && request.status == "USED")
        #expect(request.offset == 2 && request.limit == 50)
    }

    @Test func usableAtQueryIgnoresPagingAndFiltersWithoutCheckingThem() throws {
        let request = try parse("appid=wx1&available_mchid=1900008362&status=BOGUS&offset=x&limit=1000").get()
        #expect(request.mode == .usableAt(mchid: "1900008362"))
        #expect(request.status == nil && request.stockID == nil)
        #expect(request.offset == 0 && request.limit == CouponListRequest.defaultLimit)
    }

    @Test func percentEncodedOpenidAndValuesAreDecoded() throws {
        let request = try parse("appid=wx%31&creator_mchid=1", openid: "o%2Bx").get()
        #expect(request.openid == "o+x")
        #expect(request.appid == "wx1")
    }

    @Test(arguments: ["appid=wx1&creator_mchid=1%2", "appid=wx1&appid=wx2&creator_mchid=1", "creator_mchid=1"])
    func brokenOrRepeatedOrMissingParametersArePARAM_ERROR(query: String) {
        guard case .failure(let failure) = parse(query) else {
            Issue.record("\(query) was accepted")
            return
        }
        #expect(failure.statusCode == 400)
        #expect(failure.code == "PARAM_ERROR")
    }

    @Test func randomlyMutatedQueriesAreReadOrRefusedButNeverTrap() throws {
        let seeds = [
            "appid=wx3d1a5b7c9e2f4a6b&creator_mchid=1900008361&stock_id=9856001&status=SENDED&offset=3&limit=100",
            "appid=wx3d1a5b7c9e2f4a6b&available_mchid=1900008362&business_type=MULTIUSE",
        ]
        var mutator = RequestMutator(
            seed: 0x5155_4552,
            tokens: ["&", "=", "%", "%E4%B8", "%zz", "+", "-", "limit=", "offset="]
        )
        var outcomes = (read: 0, refused: 0)
        for round in 0..<3000 {
            let query = String(decoding: mutator.mutant(of: seeds[round % seeds.count]), as: UTF8.self)
            switch parse(query) {
            case .success(let request):
                outcomes.read += 1
                let mchid: String
                switch request.mode {
                case .issuedBy(let value), .usableAt(let value): mchid = value
                }
                let isSound =
                    !request.appid.isEmpty && !mchid.isEmpty && mchid.allSatisfy(\.isASCIIDigit)
                    && (1...CouponListRequest.maximumLimit).contains(request.limit) && request.offset >= 0
                    && [nil, "SENDED", "USED"].contains(request.status)
                if !isSound { Issue.record("\(query.debugDescription) read as \(request)") }
            case .failure(let failure):
                outcomes.refused += 1
                // Whatever the query held, the error answer is well-formed JSON.
                if failure.statusCode != 400 || (try? JSONParser.parse(failure.body)) == nil {
                    Issue.record("\(query.debugDescription) refused with \(failure)")
                }
            }
        }
        #expect(outcomes.read > 100 && outcomes.refused > 100, "\(outcomes)")
    }
}
