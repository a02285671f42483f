import Foundation

/// How measure values are written as text, the same in tables, tooltips and files.
public enum CentralityFormat {
    /// A value as tables show it: whole numbers for counts and labels, otherwise six
    /// significant digits (one decimal from 1,000 up); empty for NaN.
    public static func table(_ value: Double, measure: ActorMeasure) -> String {
        if value.isNaN { return "" }
        if measure.isInteger { return String(Int(value)) }
        if value == 0 { return "0" }
        return String(format: abs(value) >= 1000 ? "%.1f" : "%.6g", value)
    }

    /// Full precision for machine-readable output (CSV): the shortest text that reads back as
    /// the same double; empty for NaN.
    public static func exact(_ value: Double, measure: ActorMeasure) -> String {
        if value.isNaN { return "" }
        if measure.isInteger { return String(Int(value)) }
        return "\(value)"
    }
}
