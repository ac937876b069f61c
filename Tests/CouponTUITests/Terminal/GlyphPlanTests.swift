import Testing

@testable import CouponTUI

@Suite struct GlyphPlanTests {
    /// A stand-in for glibc's `wcwidth` in C.UTF-8 on the characters used here.
    private static func libcWidth(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x4E00...0x9FFF, 0x1F600...0x1F64F: return 2
        case 0x0300...0x036F, 0xFE0F: return 0
        case 0x20...0x7E, 0x2764: return 1
        default: return -1
        }
    }

    @Test func clusterThatNcursesMeasuresAlikeIsDrawnWhole() {
        let plan = GlyphPlan.plan(for: "e\u{301}", cellWidth: 1, wcwidth: Self.libcWidth)
        #expect(plan.pieces == [[0x65, 0x301]])
        #expect(GlyphPlan.plan(for: "中", cellWidth: 2, wcwidth: Self.libcWidth).pieces == [[0x4E2D]])
    }

    @Test func emojiWithVariationSelectorIsDrawnAsItsBaseAndASpace() {
        // U+2764 U+FE0F: two cells as a cluster, one cell to wcwidth.
        let plan = GlyphPlan.plan(for: "\u{2764}\u{FE0F}", cellWidth: 2, wcwidth: Self.libcWidth)
        #expect(plan.pieces == [[0x2764], [0x20]])
    }

    @Test func characterTheCLibraryDoesNotKnowBecomesAQuestionMarkOfTheSameWidth() {
        let plan = GlyphPlan.plan(for: "\u{1FAE8}", cellWidth: 2, wcwidth: Self.libcWidth)
        #expect(plan.pieces == [[0x3F], [0x20]])
    }
}
