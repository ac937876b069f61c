import CouponCore
import Testing

@testable import CouponSandbox

/// The demo data set keeps the promises the README makes about it.
@Suite struct SandboxDataSetTests {
    private let dataSet: SandboxDataSet
    private var coupons: [JSONValue] { dataSet.users.filter { $0.fault == nil }.flatMap(\.coupons) }

    init() throws {
        dataSet = try SandboxDataSet.demo()
    }

    @Test func merchantHasTenDigitMchidAndWellFormedAppids() {
        #expect(dataSet.merchant.mchid.count == 10)
        #expect(dataSet.merchant.mchid.allSatisfy { $0.isASCIIDigit })
        #expect(dataSet.merchant.appids.count == 2)
        for appid in dataSet.merchant.appids {
            #expect(appid.hasPrefix("wx"))
            #expect(appid.count == 18)
            #expect(appid.dropFirst(2).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test func openidsHaveTheRealShape() {
        for user in dataSet.users {
            #expect(user.openid.count == 28)
            #expect(user.openid.hasPrefix("o"))
            #expect(user.openid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        }
    }

    @Test func usersCoverPagingEmptyChineseMixedAndLongText() throws {
        let counts = dataSet.users.map(\.coupons.count)
        #expect(counts.contains { (130...150).contains($0) })
        #expect(counts.contains(0))
        let names = coupons.compactMap { $0["coupon_name"]?.stringValue }
        #expect(
            names.contains {
                $0.unicodeScalars.allSatisfy { $0.value > 0x2E80 || "0123456789.".unicodeScalars.contains($0) }
            }
        )
        #expect(
            names.contains { name in
                name.unicodeScalars.contains { $0.properties.isEmojiPresentation }
                    && name.contains { $0.isASCII && $0.isLetter }
            }
        )
        #expect(names.contains { $0.count > 40 })
        let descriptions = coupons.compactMap { $0["description"]?.stringValue }
        #expect(descriptions.contains { $0.count > 300 && $0.contains("\n") })
    }

    @Test func textOutsideTheHostileUserStaysInTheBasicMultilingualPlane() {
        // The API supports UTF-8 characters of 1 to 3 bytes only (WeChat Pay basic rules).
        for coupon in coupons {
            for key in ["coupon_name", "description"] {
                let text = coupon[key]?.stringValue ?? ""
                #expect(text.unicodeScalars.allSatisfy { $0.value <= 0xFFFF }, "\(key) \(text)")
                #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
            }
        }
    }

    @Test func everyTypeAndStatusAppears() {
        let types = Set(coupons.compactMap { $0["coupon_type"]?.stringValue })
        let statuses = Set(coupons.compactMap { $0["status"]?.stringValue })
        #expect(types.isSuperset(of: ["NORMAL", "CUT_TO"]))
        #expect(statuses.isSuperset(of: ["SENDED", "USED", "EXPIRED"]))
    }

    @Test func usedCouponsHaveZeroToFiveGoodsLines() {
        let lineCounts = Set(
            coupons.compactMap { $0["consume_information"] }.map { $0["goods_detail"]?.arrayValue?.count ?? 0 }
        )
        #expect(lineCounts == [0, 1, 2, 3, 4, 5])
    }

    @Test func multiUseCreditCarriesItsBalance() {
        let credit = coupons.filter { $0["business_type"]?.stringValue == "MULTIUSE" }
        #expect(!credit.isEmpty)
        for coupon in credit {
            // What is left lies between nothing and the face value; a used credit has nothing left.
            let balance = coupon["available_balance"]?.int64Value ?? -1
            let face = coupon["normal_coupon_information"]?["coupon_amount"]?.int64Value ?? -1
            #expect(balance >= 0 && balance <= face, "\(coupon.jsonText)")
            if coupon["status"]?.stringValue == "USED" { #expect(balance == 0) }
        }
    }

    @Test func someOptionalObjectsAreLeftOutAndSomeKeysAreUnknownToTheClient() throws {
        let decoded = try coupons.map(Coupon.init(json:))
        #expect(decoded.contains { $0.type == .normal && $0.normalInformation == nil })
        #expect(decoded.contains { $0.status == .used && $0.consumeInformation == nil })
        #expect(decoded.contains { !$0.unknownFields.isEmpty })
    }

    @Test func timesAreRFC3339InChinaTime() {
        for coupon in coupons {
            for key in ["create_time", "available_begin_time", "available_end_time"] {
                let text = coupon[key]?.stringValue ?? ""
                let time = APITimestamp(rfc3339: text)
                #expect(time?.utcOffsetSeconds == 8 * 3600, "\(key) \(text)")
            }
        }
    }

    @Test func idsHaveTheRealShapes() {
        for coupon in coupons {
            #expect(coupon["coupon_id"]?.stringValue?.count == 10)
            #expect(coupon["stock_id"]?.stringValue?.count == 7)
            #expect(coupon["stock_creator_mchid"]?.stringValue?.count == 10)
            if let transaction = coupon["consume_information"]?["transaction_id"]?.stringValue {
                #expect(transaction.count == 28)
                #expect(transaction.allSatisfy { $0.isASCIIDigit })
            }
        }
        let ids = dataSet.users.flatMap(\.coupons).compactMap { $0["coupon_id"]?.stringValue }
        #expect(Set(ids).count == ids.count)
    }

    @Test func statusesAgreeWithTheReferenceDate() throws {
        let reference = try #require(CivilTime.day(iso: dataSet.referenceDate)) * 86_400 - 8 * 3600
        for coupon in coupons {
            let end = try #require(coupon["available_end_time"]?.stringValue.flatMap(APITimestamp.init(rfc3339:)))
            switch coupon["status"]?.stringValue {
            case "SENDED": #expect(end.secondsSince1970 > reference)
            case "EXPIRED": #expect(end.secondsSince1970 < reference)
            default: break
            }
        }
    }

    @Test func moneyIsWholeFenThatAddsUp() throws {
        for coupon in try coupons.map(Coupon.init(json:)) {
            guard let information = coupon.normalInformation, let consumption = coupon.consumeInformation,
                !consumption.goods.isEmpty, !coupon.isMultiUse
            else { continue }
            let discounts = consumption.goods.map(\.discountAmount.fen).reduce(0, +)
            let total = consumption.goods.map { $0.price.fen * $0.quantity }.reduce(0, +)
            #expect(discounts == information.couponAmount.fen, "coupon \(coupon.couponID)")
            #expect(total >= information.transactionMinimum.fen, "coupon \(coupon.couponID)")
        }
    }

    @Test func faultUsersHaveASummaryAndTheLargeUserComesLast() throws {
        let summaries = dataSet.userSummaries
        #expect(summaries.last?.openid == LargeUserCoupons.openid)
        #expect(summaries.last?.couponCount == 10_000)
        #expect(summaries.filter(\.isFault).count == SandboxFault.allCases.count)
        #expect(summaries.allSatisfy { !$0.label.isEmpty && !$0.chineseLabel.isEmpty })
        let regular = try #require(summaries.first)
        #expect(regular.couponCount == regular.usableCount + regular.usedCount + regular.expiredCount)
        #expect(regular.label(in: .chinese) == regular.chineseLabel)
    }

    @Test func malformedDataSetIsRefusedWithTheReason() {
        // A valid head whose users list each case below completes.
        let head = #"{"reference_date":"2026-11-30","merchant":{"mchid":"1","appids":["wx1"]},"users":"#
        let cases: [(String, String)] = [
            ("{", "not valid JSON"),
            (#"{"merchant":{"mchid":"1","appids":["wx1"]},"users":[]}"#, "reference_date"),
            (
                head + #"[{"openid":"o","appid":"wx2"}]}"#,
                "does not have"
            ),
            (
                head + #"[{"openid":"o","appid":"wx1","fault":"nope"}]}"#,
                "known faults"
            ),
            (
                head + #"[{"openid":"o","appid":"wx1","coupons":[{}]}]}"#,
                "coupon_id"
            ),
        ]
        for (json, reason) in cases {
            #expect {
                _ = try SandboxDataSet(json: Array(json.utf8))
            } throws: { error in
                (error as? SandboxError)?.description.contains(reason) == true
            }
        }
    }
}
