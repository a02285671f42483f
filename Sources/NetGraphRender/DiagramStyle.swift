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

    /// Line style for a relation type; unknown types are solid.
    public static func edgeStyle(forRelationType name: String) -> (style: String, colour: String) {
        switch Normalize.key(name) {
        case "financiering": ("bold", "#4D4D4D")
        case "contract": ("solid", "#4D4D4D")
        case "overleg": ("dashed", "#777777")
        case "informatie": ("dotted", "#777777")
        case "vertegenwoordiging": ("tapered", "#555555")
        case "samenwerking": ("solid", "#9A9A9A")
        case "verwijzing": ("dashed", "#4D4D4D")
        default: ("solid", "#777777")
        }
    }
}
