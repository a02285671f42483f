import Foundation

/// Output formats of every analysis command.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}

/// A table of results that prints as an aligned terminal table, CSV or Markdown.
public struct TextTable: Sendable {
    /// Column headers.
    public var columns: [String]
    /// Rows of cells, in column order.
    public var rows: [[String]]
    /// Right-align these columns (numbers) in terminal and Markdown output.
    public var numericColumns: Set<Int>

    /// A table with these headers and rows; `numericColumns` are column indices to right-align.
    public init(columns: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns
    }

    /// Aligned columns for a terminal (widths by character count).
    public func terminal() -> String {
        var widths = columns.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numericColumns.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return
            ([line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV, `,`-separated, CRLF line ends as Excel writes them. Cells that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR, and
    /// not a plain number) get a leading `'`.
    public func csv() -> String {
        ([columns] + rows).map { $0.map(TextTable.csvCell).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    package static func csvCell(_ raw: String) -> String {
        var cell = raw
        if let first = cell.first, "=+-@\t\r".contains(first), Double(cell) == nil { cell = "'" + cell }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// Markdown-escaped text (for prose outside tables too).
    public static func markdownEscape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// GitHub-flavoured Markdown; `|`, `\` and markup characters in cells are escaped.
    public func markdown() -> String {
        func escape(_ s: String) -> String {
            var out = ""
            for ch in s {
                switch ch {
                case "|", "\\", "*", "_", "`", "[", "]", "<", ">": out += "\\" + String(ch)
                case "\n", "\r": out += " "
                default: out.append(ch)
                }
            }
            return out
        }
        let header = "| " + columns.map(escape).joined(separator: " | ") + " |"
        let rule = "|" + columns.indices.map { numericColumns.contains($0) ? " ---: |" : " --- |" }.joined()
        return ([header, rule] + rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }).joined(
            separator: "\n") + "\n"
    }
}
