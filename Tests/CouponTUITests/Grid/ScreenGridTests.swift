import CouponBrowser
import Testing

@testable import CouponTUI

@Suite struct ScreenGridTests {
    @Test func wideGlyphTakesItsCellAndAContinuation() {
        var grid = ScreenGrid(width: 4, height: 1)
        #expect(grid.put("券", cellWidth: 2, x: 1, y: 0, style: .plain) == 2)
        #expect(grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
        #expect(grid.textLines == [" 券 "])
    }

    @Test func wideGlyphThatWouldCrossTheRightEdgeIsNotDrawn() {
        var grid = ScreenGrid(width: 3, height: 1)
        #expect(grid.put("券", cellWidth: 2, x: 2, y: 0, style: .plain) == 0)
        #expect(grid.textLines == ["   "])
    }

    @Test func overwritingEitherHalfOfAWideGlyphBlanksTheOtherHalf() {
        var grid = ScreenGrid(width: 4, height: 1)
        grid.put("券", cellWidth: 2, x: 0, y: 0, style: .plain)
        grid.put("a", cellWidth: 1, x: 1, y: 0, style: .plain)
        #expect(grid.textLines == [" a  "])
        #expect(!grid[1, 0].isContinuation)

        grid.put("中", cellWidth: 2, x: 2, y: 0, style: .plain)
        grid.put("b", cellWidth: 1, x: 2, y: 0, style: .plain)
        #expect(grid.textLines == [" ab "])
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func fillThatCutsAWideGlyphBlanksItsOutsideHalf() {
        var grid = ScreenGrid(width: 4, height: 1)
        grid.put("券", cellWidth: 2, x: 1, y: 0, style: .plain)
        grid.fill(Rect(x: 2, y: 0, width: 2, height: 1), style: .plain)
        #expect(grid.textLines == ["    "])
        #expect((0..<4).allSatisfy { !grid[$0, 0].isContinuation })
    }

    @Test func offScreenWritesAreIgnored() {
        var grid = ScreenGrid(width: 2, height: 2)
        #expect(grid.put("x", cellWidth: 1, x: 5, y: 0, style: .plain) == 0)
        #expect(grid.put("x", cellWidth: 1, x: 0, y: -1, style: .plain) == 0)
        #expect(grid[9, 9] == .blank())
    }

    @Test func attributeLayerListsRunsOfStyle() {
        var grid = ScreenGrid(width: 5, height: 1)
        let bold = CellStyle(foreground: .green, attributes: [.bold])
        grid.put("o", cellWidth: 1, x: 1, y: 0, style: bold)
        grid.put("k", cellWidth: 1, x: 2, y: 0, style: bold)
        #expect(grid.attributeLines == ["00: 0 plain | 1 fg=green bold | 3 plain"])
    }
}
