import CouponCore
import Testing

@testable import CouponTUI

@Suite struct KeyMapTests {
    let map = KeyMap.standard

    @Test(arguments: [
        (Key.character("j"), Command.moveDown), (.down, .moveDown), (.character("k"), .moveUp), (.up, .moveUp),
        (.control("d"), .halfPageDown), (.control("u"), .halfPageUp), (.pageDown, .pageDown), (.pageUp, .pageUp),
        (.control("f"), .pageDown), (.control("b"), .pageUp), (.character("g"), .first), (.home, .first),
        (.character("G"), .last), (.end, .last), (.character("n"), .nextServerPage),
        (.character("]"), .nextServerPage), (.character("p"), .previousServerPage),
        (.character("["), .previousServerPage), (.character("1"), .toggleStatus(.usable)),
        (.character("2"), .toggleStatus(.used)), (.character("3"), .toggleStatus(.expired)),
        (.character("4"), .toggleStatus(.other)), (.character("0"), .showAllStatuses),
        (.character("m"), .switchQueryMode), (.character("/"), .startFilter), (.character("s"), .cycleSort),
        (.character("S"), .reverseSort), (.enter, .focusDetail), (.tab, .focusDetail), (.character("o"), .openLookup),
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
        for focus in Focus.allCases {
            #expect(map.command(for: .control("c"), in: focus) == .quit)
        }
    }

    @Test func textFieldsLeaveLettersAndDigitsForTyping() {
        for focus in [Focus.filter, .prompt] {
            for character in "jkqgGnp1234/0?yY" {
                #expect(map.command(for: .character(character), in: focus) == nil)
            }
        }
    }

    @Test func textFieldsEditLikeAShellLine() {
        #expect(map.command(for: .control("u"), in: .prompt) == .edit(.deleteToStart))
        #expect(map.command(for: .control("w"), in: .prompt) == .edit(.deleteWordBackward))
        #expect(map.command(for: .left, in: .filter) == .edit(.left))
        #expect(map.command(for: .up, in: .prompt) == .historyPrevious)
        #expect(map.command(for: .enter, in: .filter) == .accept)
        #expect(map.command(for: .escape, in: .filter) == .cancel)
    }

    @Test func noKeyIsBoundTwiceInOneFocus() {
        for focus in Focus.allCases {
            var seen: [Key: Command] = [:]
            for binding in map.bindings(in: focus) {
                for key in binding.keys {
                    let earlier = seen.updateValue(binding.command, forKey: key)
                    #expect(earlier == nil || earlier == binding.command, "\(key.label) twice in \(focus)")
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
}
