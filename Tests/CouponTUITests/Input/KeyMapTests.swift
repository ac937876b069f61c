import CouponBrowser
import CouponCore
import Testing

@testable import CouponTUI

@Suite struct KeyMapTests {
    let map = KeyMap.standard

    @Test(arguments: [
        (Key.character("j"), Command.move(.down)), (.down, .move(.down)), (.character("k"), .move(.up)),
        (.up, .move(.up)),
        (.control("d"), .move(.halfPageDown)), (.control("u"), .move(.halfPageUp)), (.pageDown, .move(.pageDown)),
        (.pageUp, .move(.pageUp)),
        (.control("f"), .move(.pageDown)), (.control("b"), .move(.pageUp)), (.character("g"), .move(.first)),
        (.home, .move(.first)),
        (.character("G"), .move(.last)), (.end, .move(.last)), (.character("n"), .nextServerPage),
        (.character("]"), .nextServerPage), (.character("p"), .previousServerPage),
        (.character("["), .previousServerPage), (.character("1"), .toggleStatus(.usable)),
        (.character("2"), .toggleStatus(.used)), (.character("3"), .toggleStatus(.expired)),
        (.character("4"), .toggleStatus(.other)), (.character("0"), .showAllStatuses),
        (.character("m"), .switchQueryMode), (.character("/"), .startFilter), (.character("s"), .cycleSort),
        (.character("S"), .reverseSort), (.enter, .openDetail), (.tab, .toggleFocus), (.character("o"), .openLookup),
        (.character("r"), .refresh), (.character("y"), .copyCouponID), (.character("Y"), .copyTransactionID),
        (.control("l"), .repaint), (.character("?"), .showHelp), (.function(1), .showHelp), (.character("q"), .quit),
        (.control("c"), .quit),
    ])
    func everyListKeyOfTheSpecificationIsBound(key: Key, command: Command) {
        #expect(map.command(for: key, in: .list) == command)
    }

    @Test func escapeLeavesTheDetailAndTheHelp() {
        #expect(map.command(for: .escape, in: .detail) == .back)
        #expect(map.command(for: .escape, in: .help) == .back)
    }

    @Test func controlCQuitsFromEveryFocus() {
        for context in KeyContext.allCases {
            #expect(map.command(for: .control("c"), in: context) == .quit)
        }
    }

    @Test func textFieldsLeaveLettersAndDigitsForTyping() {
        for context in [KeyContext.filter, .prompt] {
            for character in "jkqgGnp1234/0?yY" {
                #expect(map.command(for: .character(character), in: context) == nil)
            }
        }
    }

    @Test func textFieldsEditLikeAShellLine() {
        #expect(map.command(for: .control("u"), in: .prompt) == .edit(.clear))
        #expect(map.command(for: .control("w"), in: .prompt) == .edit(.deleteWordBackward))
        #expect(map.command(for: .left, in: .filter) == .edit(.moveLeft))
        #expect(map.command(for: .up, in: .prompt) == .edit(.historyPrevious))
        #expect(map.command(for: .enter, in: .filter) == .accept)
        #expect(map.command(for: .escape, in: .filter) == .cancel)
    }

    @Test func noKeyIsBoundTwiceInOneFocus() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for binding in map.bindings(in: context) {
                for key in binding.keys {
                    let earlier = seen.updateValue(binding.command, forKey: key)
                    #expect(earlier == nil || earlier == binding.command, "\(key.label) twice in \(context)")
                }
            }
        }
    }

    @Test func everyBindingHasHelpInBothLanguages() {
        for binding in map.bindings {
            #expect(!binding.help(.english).isEmpty)
            #expect(!binding.help(.chinese).isEmpty)
        }
    }

    @Test func hintsForTheListNameTheMostUsedKeys() {
        let keys = map.hints(in: .list).map(\.keys)
        #expect(keys.contains("j/k"))
        #expect(keys.contains("n/p"))
        #expect(keys.contains("?"))
        #expect(keys.contains("q"))
    }

    @Test func hintsForTheDetailSayScrollAndPutFullScreenFirst() {
        let hints = map.hints(in: .detail).filter { !$0.isPinned }
        let words = hints.map { $0.keys + " " + $0.text(.english) }
        #expect(words.first == "j/k scroll")
        // The keys the detail is used with come before the list's own (paging, toggles).
        #expect(words.prefix(3).contains("f full"))
        #expect(words.prefix(3).contains("Esc list"))
        #expect(map.hints(in: .list).map { $0.keys + " " + $0.text(.english) }.first == "j/k move")
    }
}
