import NetGraph
import NetGraphIO

/// Visual encoding of actor types and relation types.
///
/// Colours: Paul Tol's "muted" qualitative scheme for nine default types, with orange and
/// blue from his "vibrant" scheme and grey for "overig" (colour-blind safe; Tol, *Colour
/// Schemes*, SRON/EPS/TN/09-002, 2021); types a network adds take Tol's "light" scheme.
/// Colour never carries meaning alone: the node shape encodes the role and the legend names
/// each type, so the diagram also reads in grey-scale print.
public enum DiagramStyle {
    /// Colours of the default actor types.
    static let typeColours: [String: String] = [
        "gemeente": "#332288", "rijk": "#88CCEE", "vng": "#44AA99", "regio": "#117733",
        "zorgaanbieder": "#999933", "welzijnsorganisatie": "#DDCC77", "wijkteam": "#CC6677",
        "clientorganisatie": "#882255", "burgerinitiatief": "#AA4499", "financier": "#EE7733",
        "uitvoeringsorganisatie": "#0077BB", "overig": "#BBBBBB",
    ]
    /// Colours for types a network adds, in order of appearance (Tol "light").
    static let extraColours = [
        "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#AAAA00", "#DDDDDD",
    ]

    /// Colour of an actor type; `extraIndex` numbers the non-default types of a network.
    public static func colour(forType name: String, extraIndex: Int) -> String {
        typeColours[name] ?? extraColours[extraIndex % extraColours.count]
    }

    /// Graphviz shape for a role, with a legend glyph of the same form.
    public static func shape(for role: ActorRole) -> (graphviz: String, glyph: String) {
        switch role {
        case .publicAuthority: ("box", "■")
        case .intermediary: ("diamond", "◆")
        case .provider: ("ellipse", "●")
        case .frontline: ("triangle", "▲")
        case .clientVoice: ("hexagon", "⬢")
        case .citizen: ("invtriangle", "▼")
        case .financier: ("house", "⌂")
        case .executor: ("pentagon", "⬟")
        case .other: ("circle", "○")
        }
    }

    /// How a relation type is drawn: line pattern, colour and arrowhead, so that types differ
    /// by colour *and* by pattern or arrowhead (and still read in grey-scale print).
    ///
    /// Colours: Okabe and Ito's colour-blind-safe palette (*Color Universal Design*, 2008),
    /// the light ones on the solid and tapered lines, the dark ones on the dashed and dotted;
    /// grey for types a network adds. Graphviz lets `penwidth` (the weight) override `bold`, so
    /// the patterns are solid, dashed, dotted and tapered, told apart further by the arrowhead.
    public struct RelationStyle: Sendable, Equatable {
        /// Graphviz edge style: `solid`, `dashed`, `dotted` or `tapered`.
        public let style: String
        /// Line colour, `#RRGGBB`.
        public let colour: String
        /// Graphviz arrow shape at a directed end: `normal`, `onormal` (open) or `vee`.
        public let arrowhead: String

        /// The legend's sample: the line in its pattern, with the arrowhead when `directed`.
        public func glyph(directed: Bool) -> String {
            let line: String =
                switch style {
                case "dashed": "╍╍╍╍"
                case "dotted": "┉┉┉┉"
                case "tapered": "━━╾─"
                default: "━━━━"
                }
            guard directed else { return line }
            return line + (arrowhead == "onormal" ? "▷" : arrowhead == "vee" ? "❯" : "▶")
        }
    }

    /// The style of a relation type; types a network adds are solid grey with a filled arrow.
    public static func relationStyle(forRelationType name: String) -> RelationStyle {
        switch Normalize.key(name) {
        case "financiering": RelationStyle(style: "solid", colour: "#0072B2", arrowhead: "normal")
        case "contract": RelationStyle(style: "dashed", colour: "#D55E00", arrowhead: "onormal")
        case "overleg": RelationStyle(style: "dotted", colour: "#009E73", arrowhead: "normal")
        case "informatie": RelationStyle(style: "dotted", colour: "#000000", arrowhead: "vee")
        case "vertegenwoordiging": RelationStyle(style: "tapered", colour: "#CC79A7", arrowhead: "normal")
        case "samenwerking": RelationStyle(style: "solid", colour: "#E69F00", arrowhead: "normal")
        case "verwijzing": RelationStyle(style: "dashed", colour: "#56B4E9", arrowhead: "vee")
        default: RelationStyle(style: "solid", colour: "#777777", arrowhead: "normal")
        }
    }

    /// Line style and colour for a relation type (see ``relationStyle(forRelationType:)``).
    public static func edgeStyle(forRelationType name: String) -> (style: String, colour: String) {
        let style = relationStyle(forRelationType: name)
        return (style.style, style.colour)
    }

    /// The name of a relation type in `language`: the type's own name in Dutch, an English
    /// word for the standard types in English ("financiering" → "funding"); a type a network
    /// adds keeps its name.
    public static func relationLabel(_ name: String, language: String) -> String {
        guard language == "en" else { return name }
        switch Normalize.key(name) {
        case "financiering": return "funding"
        case "contract": return "contract"
        case "overleg": return "consultation"
        case "informatie": return "information"
        case "vertegenwoordiging": return "representation"
        case "samenwerking": return "cooperation"
        case "verwijzing": return "referral"
        default: return name
        }
    }

    /// The name of a role in `language` ("overheid" / "public authority").
    public static func roleLabel(_ role: ActorRole, language: String) -> String {
        guard language == "en" else { return role.dutchLabel }
        switch role {
        case .publicAuthority: return "public authority"
        case .intermediary: return "intermediary"
        case .provider: return "provider"
        case .frontline: return "neighbourhood work"
        case .clientVoice: return "client voice"
        case .citizen: return "citizens"
        case .financier: return "financier"
        case .executor: return "executive agency"
        case .other: return "other"
        }
    }
}
