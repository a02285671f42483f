/// The findings of a network arranged for people: the one to three that matter most ("Wat valt
/// op"), then every finding by theme, with long runs of similar ones folded into one line.
///
/// A finding matters more when it is more severe, then when it concerns more of the network:
/// the whole network counts as every actor, a group as its members, an actor finding as the
/// actors it names. The headline takes warnings and critical findings only, at most one per
/// rule while other rules have candidates.
public struct FindingSummary: Sendable {
    /// One line of a section: a finding, and the similar ones folded behind it.
    public struct Entry: Sendable {
        /// The finding shown in full.
        public var flag: PowerFlag
        /// Findings of the same rule and severity not shown in full (empty for most lines).
        public var folded: [PowerFlag]
    }

    /// The findings of one theme.
    public struct Section: Sendable {
        /// The theme.
        public var theme: FindingLabels.Theme
        /// Its lines, most severe first.
        public var entries: [Entry]
    }

    /// The findings that matter most, at most three, most important first.
    public let headline: [PowerFlag]
    /// Every finding by theme, in theme order.
    public let sections: [Section]

    /// Arranges `flags` of a network of `actorCount` actors; runs of more than `keep` findings
    /// of one rule and severity show `keep` and fold the rest.
    public init(_ flags: [PowerFlag], actorCount: Int, keep: Int = 3) {
        func scope(_ flag: PowerFlag) -> Int {
            switch flag.subject.kind {
            case .network: actorCount
            case .type: max(1, flag.subject.ids.count - 1)
            case .actor, .pair: flag.subject.ids.count
            }
        }
        let ranked = flags.enumerated().filter { $0.element.severity >= .warning }.sorted {
            ($0.element.severity, scope($0.element), -$0.offset) > (
                $1.element.severity, scope($1.element), -$1.offset
            )
        }.map(\.element)
        var headline: [PowerFlag] = []
        var rules = Set<String>()
        for flag in ranked where headline.count < 3 && !rules.contains(flag.rule) {
            headline.append(flag)
            rules.insert(flag.rule)
        }
        for flag in ranked where headline.count < 3 && !headline.contains(where: { $0 === flag }) {
            headline.append(flag)
        }
        self.headline = headline
        var sections: [Section] = []
        for theme in FindingLabels.Theme.allCases {
            let members = flags.filter { FindingLabels.theme(ofRule: $0.rule) == theme }
            guard !members.isEmpty else { continue }
            var entries: [Entry] = []
            var runs: [String: [PowerFlag]] = [:]
            var order: [String] = []
            for flag in members {
                let key = flag.rule + "|" + flag.severity.rawValue
                if runs[key] == nil { order.append(key) }
                runs[key, default: []].append(flag)
            }
            for key in order {
                let run = runs[key]!
                if run.count > keep + 1 {
                    entries += run.prefix(keep).map { Entry(flag: $0, folded: []) }
                    let rest = Array(run.dropFirst(keep))
                    entries.append(Entry(flag: rest[0], folded: Array(rest.dropFirst())))
                } else {
                    entries += run.map { Entry(flag: $0, folded: []) }
                }
            }
            entries = entries.enumerated().sorted {
                ($0.element.flag.severity, -$0.offset) > ($1.element.flag.severity, -$1.offset)
            }.map(\.element)
            sections.append(Section(theme: theme, entries: entries))
        }
        self.sections = sections
    }
}

extension PowerFlag {
    /// Identity of a finding within one analysis: same rule, subject and message.
    static func === (a: PowerFlag, b: PowerFlag) -> Bool {
        a.rule == b.rule && a.subject.ids == b.subject.ids && a.messageDutch == b.messageDutch
    }
}
