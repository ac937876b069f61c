import CouponCore

/// Every label and sentence the browser shows, in Chinese and English.
///
/// Values from data are passed in already sanitised; the labels themselves hold no control characters,
/// and with `GlyphSet.ascii` no punctuation outside ASCII (Chinese text and fullwidth punctuation stay).
public struct Labels: Sendable, Hashable {
    public var language: Language
    /// The punctuation the sentences are written with.
    public var glyphs: GlyphSet

    public init(_ language: Language, glyphs: GlyphSet = .unicode) {
        self.language = language
        self.glyphs = glyphs
    }

    private var zh: Bool { language == .chinese }

    // MARK: - Words

    /// The word for a status: usable, used, expired, or the API's value verbatim.
    public func statusWord(_ status: CouponStatus) -> String {
        switch status {
        case .usable: return zh ? "可用" : "usable"
        case .used: return zh ? "已用" : "used"
        case .expired: return zh ? "已过期" : "expired"
        case .other(let value): return value.isEmpty ? (zh ? "未知" : "unknown") : value
        }
    }

    /// The toggle's name.
    public func categoryName(_ category: StatusCategory) -> String {
        switch category {
        case .usable: return zh ? "可用" : "usable"
        case .used: return zh ? "已用" : "used"
        case .expired: return zh ? "已过期" : "expired"
        case .other: return zh ? "其他" : "other"
        }
    }

    /// The word for a coupon type.
    public func typeWord(_ type: CouponType) -> String {
        switch type {
        case .normal: return zh ? "满减券" : "amount off"
        case .cutTo: return zh ? "减至券" : "price cut to"
        case .other(let value): return value.isEmpty ? (zh ? "未知" : "unknown") : value
        }
    }

    /// The name of a query mode.
    public func modeName(_ mode: QueryMode) -> String {
        switch mode {
        case .issuedBy: return zh ? "按创建商户" : "issued by"
        case .usableAt: return zh ? "按可用商户" : "usable at"
        }
    }

    /// A column's title.
    public func columnTitle(_ column: ListColumn) -> String {
        switch column {
        case .status: return zh ? "状态" : "Status"
        case .name: return zh ? "名称" : "Name"
        case .amount: return zh ? "金额" : "Amount"
        case .validityEnd: return zh ? "截止" : "Ends"
        case .couponID: return zh ? "券 ID" : "Coupon ID"
        case .stockID: return zh ? "批次号" : "Stock ID"
        }
    }

    /// A sort column's name.
    public func sortName(_ column: SortColumn) -> String {
        switch column {
        case .serverOrder: return zh ? "服务器顺序" : "server order"
        case .status: return columnTitle(.status)
        case .name: return columnTitle(.name)
        case .amount: return columnTitle(.amount)
        case .validityEnd: return columnTitle(.validityEnd)
        case .couponID: return columnTitle(.couponID)
        case .stockID: return columnTitle(.stockID)
        }
    }

    // MARK: - Amounts

    /// The short amount of a `NORMAL` coupon for a list row.
    public func rowNormal(amount: Money, minimum: Money) -> String {
        if minimum.fen == 0 { return zh ? "无门槛减" + amount.yuanText : amount.yuanText + " off" }
        return zh ? "满" + minimum.yuanText + "减" + amount.yuanText : amount.yuanText + " off " + minimum.yuanText
    }

    /// The short amount of a `CUT_TO` coupon for a list row.
    public func rowCutTo(price: Money) -> String {
        zh ? "减至" + price.yuanText : "cut to " + price.yuanText
    }

    /// The short balance of consumption credit for a list row.
    public func rowBalance(_ balance: Money) -> String {
        zh ? "余额" + balance.yuanText : balance.yuanText + " left"
    }

    /// The rule of a `NORMAL` coupon: "满 ¥100.00 减 ¥20.00".
    public func normalRule(amount: Money, minimum: Money) -> String {
        if minimum.fen == 0 {
            return zh ? "无门槛减 " + amount.yuanText : amount.yuanText + " off any order"
        }
        return zh
            ? "满 " + minimum.yuanText + " 减 " + amount.yuanText
            : amount.yuanText + " off an order of " + minimum.yuanText + " or more"
    }

    /// The rule of a `CUT_TO` coupon: "单价 ≤ ¥10.00 的商品减至 ¥1.00" ("<=" in ASCII mode).
    public func cutToRule(maximum: Money, price: Money) -> String {
        zh
            ? "单价 " + glyphs.atMost + " " + maximum.yuanText + " 的商品减至 " + price.yuanText
            : "items priced up to " + maximum.yuanText + " cut to " + price.yuanText
    }

    /// The balance of consumption credit.
    public func balanceSentence(_ balance: Money) -> String {
        zh ? "消费金，余额 " + balance.yuanText : "consumption credit, " + balance.yuanText + " left"
    }

    // MARK: - Validity

    /// "expires in 3 days".
    public func expires(inDays days: Int64) -> String {
        zh ? "\(days) 天后到期" : "expires in \(days) days"
    }

    /// "expires today at 18:00".
    public func expiresToday(at clock: String) -> String {
        zh ? "今天 " + clock + " 到期" : "expires today at " + clock
    }

    /// "expires tomorrow at 18:00".
    public func expiresTomorrow(at clock: String) -> String {
        zh ? "明天 " + clock + " 到期" : "expires tomorrow at " + clock
    }

    /// "expired 2026-11-28".
    public func expired(on date: String) -> String {
        zh ? "已于 " + date + " 过期" : "expired " + date
    }

    /// "usable from 12-05".
    public func usableFrom(_ date: String) -> String {
        zh ? date + " 起可用" : "usable from " + date
    }

    /// "used 11-20".
    public func usedOn(_ date: String) -> String {
        zh ? "已于 " + date + " 使用" : "used " + date
    }

    /// For a used coupon whose consumption time the API did not send.
    public var usedAtUnknownTime: String {
        zh ? "已使用（接口未返回核销时间）" : "used (the API sent no time of use)"
    }

    /// For a coupon the API calls expired before the end of its validity: "expired; validity was to end 2026-12-04".
    public func expiredBeforeEnd(_ date: String) -> String {
        zh ? "已过期（有效期原至 " + date + "）" : "expired; its validity was to end " + date
    }

    /// For a coupon the API calls expired without an end time.
    public var expiredWithoutEnd: String {
        zh ? "已过期（接口未返回截止时间）" : "expired (the API sent no end time)"
    }

    /// For a coupon whose validity has ended while the API still calls it usable.
    public func endedButUsable(_ date: String) -> String {
        zh ? "已于 " + date + " 到期，但接口仍返回可用" : "validity ended " + date + ", yet the API still says usable"
    }

    /// For a coupon in a status this version does not know, whose validity has not ended.
    public func validityEnds(_ date: String) -> String {
        zh ? "有效期至 " + date : "validity ends " + date
    }

    /// For a coupon in a status this version does not know, whose validity has ended.
    public func validityEnded(_ date: String) -> String {
        zh ? "有效期已于 " + date + " 结束" : "validity ended " + date
    }

    /// For a validity whose end the API did not send.
    public var noEndGiven: String { zh ? "未返回截止时间" : "no end time given" }

    // MARK: - Detail

    /// A detail group's title.
    public func groupTitle(_ kind: DetailGroup.Kind) -> String {
        switch kind {
        case .coupon: return zh ? "券" : "Coupon"
        case .amount: return zh ? "金额" : "Amount"
        case .validity: return zh ? "有效期" : "Validity"
        case .consumption: return zh ? "核销" : "Consumption"
        case .flags: return zh ? "标记" : "Flags"
        case .unknownFields: return zh ? "其他字段（本版本未识别）" : "Other fields (not known to this version)"
        }
    }

    /// A detail field's label.
    public func fieldLabel(_ field: DetailField) -> String {
        switch field {
        case .name: return zh ? "名称" : "Name"
        case .couponID: return zh ? "券 ID" : "Coupon ID"
        case .stockID: return zh ? "批次号" : "Stock ID"
        case .stockCreatorMchid: return zh ? "创建商户号" : "Created by mchid"
        case .status: return zh ? "状态" : "Status"
        case .type: return zh ? "类型" : "Type"
        case .businessType: return zh ? "业务类型" : "Business type"
        case .description: return zh ? "使用说明" : "Description"
        case .rule: return zh ? "规则" : "Rule"
        case .couponAmount: return zh ? "面额" : "Amount off"
        case .transactionMinimum: return zh ? "门槛" : "Minimum order"
        case .singlePriceMax: return zh ? "单价上限" : "Unit price up to"
        case .cutToPrice: return zh ? "减至" : "Cut to"
        case .balance: return zh ? "余额" : "Balance"
        case .state: return zh ? "当前" : "Now"
        case .begins: return zh ? "开始" : "Begins"
        case .ends: return zh ? "结束" : "Ends"
        case .received: return zh ? "领取时间" : "Received"
        case .consumeTime: return zh ? "核销时间" : "Used at"
        case .consumeMchid: return zh ? "核销商户号" : "Used at mchid"
        case .transactionID: return zh ? "微信支付订单号" : "Transaction ID"
        case .goods: return zh ? "商品" : "Goods"
        case .noCash: return zh ? "资金流" : "Money flow"
        case .singleItem: return zh ? "单品" : "Single item"
        case .unknown(let key): return key
        }
    }

    /// A goods table column's title.
    public func goodsColumnTitle(_ column: GoodsColumn) -> String {
        switch column {
        case .goodsID: return zh ? "商品编码" : "Goods ID"
        case .quantity: return zh ? "数量" : "Qty"
        case .unitPrice: return zh ? "单价" : "Unit price"
        case .discount: return zh ? "优惠" : "Discount"
        case .lineTotal: return zh ? "小计" : "Line total"
        }
    }

    /// The label of the goods table's total row.
    public var goodsTotal: String { zh ? "合计" : "Total" }

    /// Shown where a sum does not fit in 64 bits.
    public var overflow: String { zh ? "（溢出）" : "(overflow)" }

    /// Shown for a field the API left out.
    public var notGiven: String { zh ? "未返回" : "not given" }

    /// `no_cash` in words.
    public func noCash(_ value: Bool?) -> String {
        switch value {
        case true?: return zh ? "无资金流（no_cash: true）" : "no money flow (no_cash: true)"
        case false?: return zh ? "有资金流（no_cash: false）" : "money flows (no_cash: false)"
        case nil: return zh ? "未返回（no_cash）" : "not given (no_cash)"
        }
    }

    /// `singleitem` in words.
    public func singleItem(_ value: Bool?) -> String {
        switch value {
        case true?: return zh ? "单品券（singleitem: true）" : "single-item coupon (singleitem: true)"
        case false?: return zh ? "非单品券（singleitem: false）" : "not single-item (singleitem: false)"
        case nil: return zh ? "未返回（singleitem）" : "not given (singleitem)"
        }
    }

    /// Shown for a used coupon that came without `consume_information`.
    public var noConsumption: String {
        zh ? "接口未返回核销信息" : "the API sent no consumption details"
    }

    /// Shown for a consumption without goods.
    public var noGoods: String { zh ? "无商品明细" : "no goods details" }

    // MARK: - Status line

    /// "page 3 of 7 · 41–60 of 137" ("page 3 of 7 | 41-60 of 137" in ASCII mode).
    public func pageSummary(page: Int, pageCount: Int, firstRow: Int, lastRow: Int, total: Int) -> String {
        let rows = lastRow > 0 && firstRow <= lastRow ? "\(firstRow)" + glyphs.rangeDash + "\(lastRow)" : "0"
        return zh
            ? "第 \(page)/\(pageCount) 页" + glyphs.separator + "\(rows) / 共 \(total) 条"
            : "page \(page) of \(pageCount)" + glyphs.separator + "\(rows) of \(total)"
    }

    /// When the rows on screen were fetched, for a page that is no longer fresh: "as of 14:03:12".
    public func asOf(_ stamp: String) -> String {
        zh ? "数据获取于 " + stamp : "as of " + stamp
    }

    /// The page summary followed by when the page was fetched.
    public func pageSummary(_ summary: String, asOf stamp: String) -> String {
        summary + glyphs.separator + asOf(stamp)
    }

    /// The summary of an answer that is not paged.
    public func wholeAnswer(count: Int) -> String {
        zh ? "一次返回全部 \(count) 条" : "all \(count) in one answer"
    }

    /// How many rows of the page on screen a local filter shows.
    public func filteredLocally(shown: Int, loaded: Int) -> String {
        filteredLocally(shown: shown, loaded: loaded, wholeAnswer: false)
    }

    /// How many rows a local filter shows: of the page on screen, or of an answer that is not paged.
    public func filteredLocally(shown: Int, loaded: Int, wholeAnswer: Bool) -> String {
        if wholeAnswer {
            return zh
                ? "本地筛选：共收到 \(loaded) 条，显示 \(shown) 条"
                : "filtered here: \(shown) of \(loaded) received"
        }
        return zh ? "本地筛选：本页 \(loaded) 条，显示 \(shown) 条" : "filtered here: \(shown) of \(loaded) on this page"
    }

    /// While a page is on its way.
    public func loadingPage(_ page: Int) -> String {
        zh ? "正在加载第 \(page) 页" + glyphs.pending : "loading page \(page)" + glyphs.pending
    }

    /// While a lookup's first answer is on its way.
    public var loading: String { zh ? "正在查询" + glyphs.pending : "loading" + glyphs.pending }

    /// Before an error about a page other than the one on screen: "page 3 not loaded: ".
    public func pageNotLoaded(_ page: Int) -> String {
        zh ? "第 \(page) 页未加载：" : "page \(page) not loaded: "
    }

    /// The latency of the last answer.
    public func latency(milliseconds: Int64) -> String { "\(milliseconds) ms" }

    /// Whether the rows shown came in a verified answer.
    public func verified(serial: String) -> String {
        zh ? "已验签 " + serial : "verified " + serial
    }

    /// For an error answer whose signature checked out, did not, or that never came.
    public func errorVerification(_ verified: Bool?) -> String {
        switch verified {
        case true?: return zh ? "应答已验签" : "answer verified"
        case false?: return zh ? "应答未验签" : "answer not verified"
        case nil: return zh ? "无应答" : "no answer"
        }
    }

    /// The sort in force, for the header.
    public func sortSummary(_ sort: SortOrder) -> String {
        let name = sortName(sort.column)
        if sort.column == .serverOrder { return (zh ? "排序：" : "sort: ") + name }
        let direction = sort.isDescending ? (zh ? "降序" : "descending") : (zh ? "升序" : "ascending")
        return (zh ? "排序：" : "sort: ") + name + " " + direction
    }

    /// The text filter in force, for the header.
    public func textFilterSummary(_ text: String) -> String {
        (zh ? "筛选：" : "filter: ") + text
    }

    // MARK: - Empty and notes

    /// When the server returned no coupons.
    public var noCoupons: String { zh ? "该用户在这些条件下没有券" : "no coupons for this user under these filters" }

    /// Introduces what was asked.
    public var asked: String { zh ? "查询条件：" : "asked: " }

    /// When every row of the page on screen is hidden here.
    public func allHidden(loaded: Int) -> String {
        allHidden(loaded: loaded, wholeAnswer: false)
    }

    /// When every row on screen is hidden here: of the page, or of an answer that is not paged.
    public func allHidden(loaded: Int, wholeAnswer: Bool) -> String {
        if wholeAnswer {
            return zh
                ? "收到的 \(loaded) 条均被本地筛选隐藏"
                : "all \(loaded) rows received are hidden by the filters here"
        }
        return zh
            ? "本页 \(loaded) 条均被本地筛选隐藏，其他页未筛选"
            : "all \(loaded) rows on this page are hidden by the filters here; other pages are not searched"
    }

    /// Says that the toggles' counts and the sort cover the page on screen, not everything the server has
    /// (the status line says the same of the filters).
    public var pageOnly: String {
        zh ? "计数和排序仅限本页" : "counts and sort: this page only"
    }

    /// Says which zone times are shown in, when it is not the viewer's: "times in Asia/Shanghai (+08:00)".
    public func timesIn(zone: String, offset: String) -> String {
        zh ? "时间按 " + zone + "（" + offset + "）" : "times in " + zone + " (" + offset + ")"
    }

    /// When no status toggle is on.
    public var noStatusOn: String { zh ? "未选择任何状态" : "no status is switched on" }

    /// Before the first lookup.
    public var noLookup: String { zh ? "尚未查询用户" : "no user looked up yet" }

    /// A note about what the mode can return.
    public func note(_ note: QueryNote) -> String {
        switch note {
        case .expiredNeverReturned:
            return zh ? "按创建商户查询不返回已过期的券" : "issued-by answers never include expired coupons"
        case .usableOnly:
            return zh ? "按可用商户查询只返回可用的券，一次返回全部" : "usable-at answers hold usable coupons only, all at once"
        case .ignoredParameters(let names):
            return (zh ? "此模式下接口忽略：" : "ignored by the API in this mode: ") + names.joined(separator: ", ")
        }
    }

    /// Shown while the rows of the previous query stay on screen.
    public var showingPrevious: String { zh ? "显示的是上次结果" : "showing the previous results" }

    // MARK: - Notices

    /// After a copy.
    public func copied(_ target: CopyTarget, value: String) -> String {
        switch target {
        case .couponID: return (zh ? "已复制券 ID " : "copied coupon id ") + value
        case .transactionID: return (zh ? "已复制订单号 " : "copied transaction id ") + value
        }
    }

    /// When there is nothing to copy.
    public func nothingToCopy(_ target: CopyTarget) -> String {
        switch target {
        case .couponID: return zh ? "未选中券" : "no coupon selected"
        case .transactionID: return zh ? "这张券没有微信支付订单号（未核销）" : "this coupon has no transaction id (not used)"
        }
    }

    /// When paging past the end.
    public var lastPageAlready: String { zh ? "已是最后一页" : "already on the last page" }

    /// When paging before the start.
    public var firstPageAlready: String { zh ? "已是第一页" : "already on the first page" }

    /// When paging in a mode that answers in one page.
    public var onePageOnly: String {
        zh ? "按可用商户查询一次返回全部，没有分页" : "usable-at answers come in one page"
    }

    /// When an intent needs a lookup first.
    public var lookUpFirst: String { zh ? "请先查询用户" : "look up a user first" }
}
