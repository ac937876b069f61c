import Testing

@testable import CouponTUI

@Suite struct ThemeTests {
    @Test func monochromeUsesNoColourAtAll() {
        let theme = Theme(mode: .monochrome)
        for role in Role.allCases {
            #expect(theme.style(role).foreground == .default)
            #expect(theme.style(role).background == .default)
        }
    }

    @Test func rolesThatCarryMeaningStillStandOutInMonochrome() {
        let theme = Theme(mode: .monochrome)
        #expect(theme.style(.selection).attributes.contains(.reverse))
        #expect(theme.style(.error).attributes.contains(.bold))
        #expect(theme.style(.warning).attributes.contains(.underline))
        #expect(theme.style(.heading).attributes.contains(.underline))
        #expect(theme.style(.title).attributes.contains(.reverse))
        #expect(theme.style(.selectionInactive) != theme.style(.text))
    }

    @Test func basicModeStaysWithinSixteenColoursOnTheDefaultBackground() {
        let theme = Theme(mode: .basic)
        for role in Role.allCases {
            let style = theme.style(role)
            #expect(style.background == .default)
            if case .palette(let index) = style.foreground { #expect(index < 16) }
        }
    }

    @Test func statusesGetDifferentColoursWhereColourIsAvailable() {
        for mode in [ColorMode.basic, .extended] {
            let theme = Theme(mode: mode)
            let colours = Set([Role.usable, .used, .expired, .otherStatus].map { theme.style($0).foreground })
            #expect(colours.count == 4)
        }
    }
}
