import CouponCore

extension CouponDetail {
    /// The detail of `coupon`, in the language of `labels`, with times in `time`'s zone and the
    /// validity told relative to `now` (seconds since 1970).
    public init(coupon: Coupon, labels: Labels, time: TimeFormatter, now: Int64) {
        let glyphs = labels.glyphs
        let clean = { (text: String) in Sanitizer.sanitize(text, glyphs: glyphs) }
        func field(_ field: DetailField, _ value: String) -> DetailItem {
            .field(field, label: labels.fieldLabel(field), value: value)
        }

        var couponItems = [
            field(.name, clean(coupon.name)),
            field(.couponID, clean(coupon.couponID)),
            field(.stockID, clean(coupon.stockID)),
            field(.stockCreatorMchid, clean(coupon.stockCreatorMchid)),
            field(.status, Self.wordAndValue(labels.statusWord(coupon.status), coupon.status.apiValue, glyphs)),
            field(.type, Self.wordAndValue(labels.typeWord(coupon.type), coupon.type.apiValue, glyphs)),
        ]
        if let businessType = coupon.businessType {
            couponItems.append(field(.businessType, clean(businessType)))
        }
        couponItems.append(
            field(.description, Sanitizer.sanitize(coupon.description, keepingLineBreaks: true, glyphs: glyphs))
        )

        var groups = [
            DetailGroup(kind: .coupon, title: labels.groupTitle(.coupon), items: couponItems),
            DetailGroup(kind: .amount, title: labels.groupTitle(.amount), items: Self.amountItems(coupon, labels)),
            DetailGroup(
                kind: .validity,
                title: labels.groupTitle(.validity),
                items: Self.validityItems(coupon, labels, time, now)
            ),
        ]
        if coupon.consumeInformation != nil || coupon.status == .used {
            groups.append(
                DetailGroup(
                    kind: .consumption,
                    title: labels.groupTitle(.consumption),
                    items: Self.consumptionItems(coupon.consumeInformation, labels, time)
                )
            )
        }
        groups.append(
            DetailGroup(
                kind: .flags,
                title: labels.groupTitle(.flags),
                items: [
                    field(.noCash, labels.noCash(coupon.noCash)),
                    field(.singleItem, labels.singleItem(coupon.singleItem)),
                ]
            )
        )
        let unknown = coupon.unknownFields
        if !unknown.isEmpty {
            groups.append(
                DetailGroup(
                    kind: .unknownFields,
                    title: labels.groupTitle(.unknownFields),
                    items: unknown.map { member in
                        let key = clean(member.key)
                        return .field(.unknown(key), label: key, value: clean(member.value.jsonText))
                    }
                )
            )
        }
        self.init(title: clean(coupon.name), groups: groups, glyphs: glyphs)
    }

    /// The sentence that says where the coupon stands relative to `now`.
    public static func validitySentence(
        of coupon: Coupon,
        labels: Labels,
        time: TimeFormatter,
        now: Int64
    ) -> String {
        validity(of: coupon, labels: labels, time: time, now: now).sentence
    }

    /// The first instant after `now` at which `validitySentence` reads differently, or `nil` when it never will.
    public static func nextValidityChange(of coupon: Coupon, time: TimeFormatter, now: Int64) -> Int64? {
        validity(of: coupon, labels: Labels(.english), time: time, now: now).changesAt
    }

    /// The validity sentence, and when it next changes; one function so that the two cannot disagree.
    static func validity(
        of coupon: Coupon,
        labels: Labels,
        time: TimeFormatter,
        now: Int64
    ) -> (sentence: String, changesAt: Int64?) {
        let begin = coupon.availableBeginTime?.secondsSince1970
        let end = coupon.availableEndTime?.secondsSince1970

        // A short date (`12-05`) turns long (`2027-12-05`) or back when the year of `now` changes.
        func shortDate(_ timestamp: APITimestamp) -> (String, Int64?) {
            let year = time.civilTime(timestamp.secondsSince1970).year
            let thisYear = time.civilTime(now).year
            let changes = year == thisYear || year == thisYear + 1
            return (time.shortDate(timestamp, now: now), changes ? time.startOfNextYear(after: now) : nil)
        }
        func earliest(_ instants: Int64?...) -> Int64? {
            instants.compactMap { $0 }.filter { $0 > now }.min()
        }

        switch coupon.status {
        case .used:
            guard let used = coupon.consumeInformation?.consumeTime else { return (labels.usedAtUnknownTime, nil) }
            let (date, changes) = shortDate(used)
            return (labels.usedOn(date), changes)
        case .expired:
            guard let endTime = coupon.availableEndTime, let end else { return (labels.expiredWithoutEnd, nil) }
            if end <= now { return (labels.expired(on: time.date(endTime)), nil) }
            return (labels.expiredBeforeEnd(time.date(endTime)), end)
        case .other:
            guard let endTime = coupon.availableEndTime, let end else { return (labels.noEndGiven, nil) }
            if end <= now { return (labels.validityEnded(time.date(endTime)), nil) }
            return (labels.validityEnds(time.date(endTime)), end)
        case .usable:
            if let endTime = coupon.availableEndTime, let end, end <= now {
                return (labels.endedButUsable(time.date(endTime)), nil)
            }
            if let beginTime = coupon.availableBeginTime, let begin, begin > now {
                let (date, changes) = shortDate(beginTime)
                return (labels.usableFrom(date), earliest(begin, changes))
            }
            guard let endTime = coupon.availableEndTime, let end else { return (labels.noEndGiven, nil) }
            let days = time.civilTime(end).dayNumber - time.civilTime(now).dayNumber
            let changes = earliest(end, time.startOfNextDay(after: now))
            switch days {
            case ...0: return (labels.expiresToday(at: time.clockTime(endTime)), changes)
            case 1: return (labels.expiresTomorrow(at: time.clockTime(endTime)), changes)
            default: return (labels.expires(inDays: days), changes)
            }
        }
    }

    private static func wordAndValue(_ word: String, _ value: String, _ glyphs: GlyphSet) -> String {
        let clean = Sanitizer.sanitize(value, glyphs: glyphs)
        return word == value ? clean : Sanitizer.sanitize(word, glyphs: glyphs) + " (" + clean + ")"
    }

    private static func amountItems(_ coupon: Coupon, _ labels: Labels) -> [DetailItem] {
        func field(_ field: DetailField, _ value: String) -> DetailItem {
            .field(field, label: labels.fieldLabel(field), value: value)
        }
        var items: [DetailItem] = []
        if coupon.isMultiUse {
            if let balance = coupon.availableBalance {
                items.append(field(.rule, labels.balanceSentence(balance)))
                items.append(field(.balance, balance.yuanText))
            } else {
                items.append(field(.balance, labels.notGiven))
            }
        }
        if let normal = coupon.normalInformation, coupon.type != .cutTo || coupon.cutToMessage == nil {
            items.append(
                field(.rule, labels.normalRule(amount: normal.couponAmount, minimum: normal.transactionMinimum))
            )
            items.append(field(.couponAmount, normal.couponAmount.yuanText))
            items.append(field(.transactionMinimum, normal.transactionMinimum.yuanText))
        }
        if let cut = coupon.cutToMessage {
            items.append(field(.rule, labels.cutToRule(maximum: cut.singlePriceMax, price: cut.cutToPrice)))
            items.append(field(.singlePriceMax, cut.singlePriceMax.yuanText))
            items.append(field(.cutToPrice, cut.cutToPrice.yuanText))
        }
        if items.isEmpty {
            items.append(field(.rule, labels.notGiven))
        }
        return items
    }

    private static func validityItems(
        _ coupon: Coupon,
        _ labels: Labels,
        _ time: TimeFormatter,
        _ now: Int64
    ) -> [DetailItem] {
        func field(_ field: DetailField, _ value: String) -> DetailItem {
            .field(field, label: labels.fieldLabel(field), value: value)
        }
        return [
            field(.state, validitySentence(of: coupon, labels: labels, time: time, now: now)),
            field(.begins, coupon.availableBeginTime.map(time.dateTime) ?? labels.notGiven),
            field(.ends, coupon.availableEndTime.map(time.dateTime) ?? labels.notGiven),
            field(.received, coupon.createTime.map(time.dateTime) ?? labels.notGiven),
        ]
    }

    private static func consumptionItems(
        _ consumption: ConsumeInformation?,
        _ labels: Labels,
        _ time: TimeFormatter
    ) -> [DetailItem] {
        func field(_ field: DetailField, _ value: String) -> DetailItem {
            .field(field, label: labels.fieldLabel(field), value: value)
        }
        guard let consumption else { return [field(.consumeTime, labels.noConsumption)] }
        var items = [
            field(.consumeTime, consumption.consumeTime.map(time.dateTime) ?? labels.notGiven),
            field(
                .consumeMchid,
                consumption.consumeMchid.map { Sanitizer.sanitize($0, glyphs: labels.glyphs) } ?? labels.notGiven
            ),
            field(
                .transactionID,
                consumption.transactionID.map { Sanitizer.sanitize($0, glyphs: labels.glyphs) } ?? labels.notGiven
            ),
        ]
        if consumption.goods.isEmpty {
            items.append(field(.goods, labels.noGoods))
        } else {
            items.append(.table(goodsTable(consumption.goods, labels)))
        }
        return items
    }

    /// The goods table: one row per line and a total row of quantity, discount and line total.
    static func goodsTable(_ goods: [GoodsDetail], _ labels: Labels) -> DetailTable {
        let money = { (amount: Money?) in amount?.yuanText ?? labels.overflow }
        var quantity: Int64? = 0
        var discount: Money? = Money(fen: 0)
        var total: Money? = Money(fen: 0)
        var rows: [[String]] = []
        for line in goods {
            let lineTotal = line.lineTotal
            rows.append([
                Sanitizer.sanitize(line.goodsID, glyphs: labels.glyphs), String(line.quantity), line.price.yuanText,
                line.discountAmount.yuanText, money(lineTotal),
            ])
            quantity = quantity.flatMap { sum in
                let (next, overflow) = sum.addingReportingOverflow(line.quantity)
                return overflow ? nil : next
            }
            discount = discount?.adding(line.discountAmount)
            total = lineTotal.flatMap { total?.adding($0) }
        }
        return DetailTable(
            titles: GoodsColumn.allCases.map(labels.goodsColumnTitle),
            alignments: GoodsColumn.allCases.map(\.alignment),
            rows: rows,
            total: [
                labels.goodsTotal, quantity.map { String($0) } ?? labels.overflow, "", money(discount), money(total),
            ]
        )
    }
}
