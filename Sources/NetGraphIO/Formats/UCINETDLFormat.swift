import Foundation
import NetGraph

// UCINET DL ("data language"), as UCINET 6 documents it (help page "DL language", user's guide
// §3.3–3.12): the word DL, a header of keywords (n, nm, format, diagonal, labels:, row labels:,
// column labels:, matrix labels:, labels embedded), then `data:`. Words are separated by white
// space, commas or `=`; a label with such characters is quoted ("Humpty Dumpty"). netan reads
// and writes the one-mode layouts `fullmatrix` and `edgelist1`; several matrices (`nm`) are
// several relation types, named by `matrix labels:`. Edge lists of several matrices are
// separated by a line holding only `!` (as Gephi and Tulip read them); full matrices follow
// each other.
//
// Direction: DL holds matrices, not directed or undirected ties. A cell pair (i, j) and (j, i)
// with the same value is one undirected tie when the matrix names a relation type that netan's
// vocabulary calls undirected, or, for any other name, when the whole matrix is symmetric;
// every other cell is a directed tie. The writer splits a relation type over more than one
// matrix where needed so that this reading gives its relations back.

/// One word of a DL file: its text (quotes and escapes removed), whether it was quoted (a
/// quoted word is never a keyword), and its 1-based line.
struct DLToken {
    let text: String
    let quoted: Bool
    let line: Int

    /// The text in lower case for keyword comparisons; "" for a quoted word.
    var keyword: String { quoted ? "" : text.lowercased() }
}

/// One non-zero cell of a DL matrix: a tie from `row` to `column` of strength `value`.
struct DLCell {
    let row: Int
    let column: Int
    let value: Double
    /// The value as written, handed to the network builder.
    let text: String
    let line: Int
}

/// The cells of one DL matrix in the order the file gives them.
struct DLMatrix {
    private(set) var cells: [DLCell] = []
    private var index: [DLPair: Int] = [:]

    /// Sets a cell; returns false when the matrix already had it (the new value replaces it).
    mutating func set(_ cell: DLCell) -> Bool {
        let key = DLPair(row: cell.row, column: cell.column)
        if let at = index[key] {
            cells[at] = cell
            return false
        }
        index[key] = cells.count
        cells.append(cell)
        return true
    }

    /// The cell at (row, column), if non-zero.
    func cell(_ row: Int, _ column: Int) -> DLCell? {
        index[DLPair(row: row, column: column)].map { cells[$0] }
    }

    /// Whether every cell has an equal opposite cell.
    var isSymmetric: Bool { cells.allSatisfy { cell($0.column, $0.row)?.value == $0.value } }
}

/// A cell's position.
struct DLPair: Hashable {
    let row: Int
    let column: Int
}

/// Reads the words of a DL file into labels and matrices, collecting every problem.
struct DLReader {
    enum Layout { case fullMatrix, edgeList }

    let path: String
    let tokens: [DLToken]
    var log: DiagnosticLog
    var position = 0

    // The header.
    var n: Int?
    var rowCount: Int?
    var columnCount: Int?
    var matrixCount: Int?
    var layout = Layout.fullMatrix
    var diagonalAbsent = false
    var rowLabelsEmbedded = false
    var columnLabelsEmbedded = false
    var title: String?
    var rowLabels: [DLToken]?
    var columnLabels: [DLToken]?
    var matrixLabels: [DLToken]?
    var headerLine = 1

    // The actors (labels, or numbers 1…n) and the matrices by their 0-based number.
    var ids: [String] = []
    var idLines: [Int] = []
    var idIndex: [String: Int] = [:]
    var matrices: [Int: DLMatrix] = [:]

    /// Words that start a header item; a labels list of unknown length ends at one of them.
    static let headerWords: Set<String> = [
        "n", "nr", "nc", "nm", "format", "diagonal", "title", "labels", "labels:", "row", "column", "col",
        "matrix", "data:",
    ]

    var embedded: Bool { rowLabelsEmbedded || columnLabelsEmbedded }

    init(path: String, text: String, log: DiagnosticLog) {
        var log = log
        let tokens = Self.words(text, path: path, log: &log)
        self.path = path
        self.tokens = tokens
        self.log = log
    }

    // MARK: Words

    /// The words of a DL text: separated by white space, commas and `=`; a word that starts with
    /// `"` runs to the next `"` on the same line, and `\` inside it takes the next character as is.
    static func words(_ text: String, path: String, log: inout DiagnosticLog) -> [DLToken] {
        var tokens: [DLToken] = []
        func separates(_ ch: Character) -> Bool { ch.isWhitespace || ch == "," || ch == "=" }
        let lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, line) in lines.enumerated() {
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                if separates(chars[i]) {
                    i += 1
                    continue
                }
                var word = ""
                if chars[i] == "\"" {
                    var closed = false
                    i += 1
                    while i < chars.count {
                        if chars[i] == "\\" && i + 1 < chars.count {
                            word.append(chars[i + 1])
                            i += 2
                        } else if chars[i] == "\"" {
                            closed = true
                            i += 1
                            break
                        } else {
                            word.append(chars[i])
                            i += 1
                        }
                    }
                    if !closed {
                        log.error(
                            path, index + 1, "A quoted label is not closed on this line.",
                            hint: "End it with \" on the same line; write \\\" for a quote inside a label.",
                            nl: "Een label tussen aanhalingstekens wordt op deze regel niet afgesloten.",
                            hintNL:
                                "Sluit het af met \" op dezelfde regel; "
                                + "schrijf \\\" voor een aanhalingsteken in een label.")
                    }
                    tokens.append(DLToken(text: word, quoted: true, line: index + 1))
                    continue
                }
                while i < chars.count && !separates(chars[i]) {
                    word.append(chars[i])
                    i += 1
                }
                tokens.append(DLToken(text: word, quoted: false, line: index + 1))
            }
        }
        return tokens
    }

    /// The next word, or nil at the end.
    mutating func next() -> DLToken? {
        guard position < tokens.count else { return nil }
        position += 1
        return tokens[position - 1]
    }

    /// The keyword of the word `ahead` places on, "" past the end.
    func peek(_ ahead: Int = 0) -> String {
        position + ahead < tokens.count ? tokens[position + ahead].keyword : ""
    }

    // MARK: Header

    /// Reads the header up to and including `data:`; false when there is no `data:`.
    mutating func readHeader() -> Bool {
        guard let first = tokens.first, first.keyword == "dl" else {
            log.error(
                path, tokens.first?.line ?? 1, "This is not a UCINET DL file: it does not start with DL.",
                hint: "A DL file starts with the word DL, then n = the number of actors.",
                nl: "Dit is geen UCINET DL-bestand: het begint niet met DL.",
                hintNL: "Een DL-bestand begint met het woord DL, en dan n = het aantal actoren.")
            return false
        }
        headerLine = first.line
        position = 1
        while let token = next() {
            switch token.keyword {
            case "n", "nr", "nc", "nm":
                guard let value = wholeNumber(after: token) else { continue }
                switch token.keyword {
                case "n": n = value
                case "nr": rowCount = value
                case "nc": columnCount = value
                default: matrixCount = value
                }
            case "format": readFormat(token)
            case "diagonal":
                switch next()?.keyword ?? "" {
                case "present": diagonalAbsent = false
                case "absent": diagonalAbsent = true
                default:
                    log.error(
                        path, token.line, "DIAGONAL must be followed by PRESENT or ABSENT.",
                        nl: "Na DIAGONAL hoort PRESENT of ABSENT.")
                }
            case "title": title = next()?.text
            case "labels":
                guard ["embedded", "embedded:"].contains(peek()) else { return unknown(token) }
                position += 1
                rowLabelsEmbedded = true
                columnLabelsEmbedded = true
            case "labels:":
                let labels = readLabels(after: token, count: n ?? rowCount)
                rowLabels = labels
                columnLabels = labels
            case "row", "column", "col":
                let rows = token.keyword == "row"
                if peek() == "labels:" {
                    position += 1
                    let labels = readLabels(after: token, count: n ?? (rows ? rowCount : columnCount))
                    if rows { rowLabels = labels } else { columnLabels = labels }
                } else if peek() == "labels" && ["embedded", "embedded:"].contains(peek(1)) {
                    position += 2
                    if rows { rowLabelsEmbedded = true } else { columnLabelsEmbedded = true }
                } else {
                    return unknown(token)
                }
            case "matrix":
                guard peek() == "labels:" else { return unknown(token) }
                position += 1
                matrixLabels = readLabels(after: token, count: matrixCount)
            case "data:": return true
            default: return unknown(token)
            }
        }
        log.error(
            path, tokens.last?.line, "The DL file has no data: section.",
            hint: "Put the matrix or the edge list after a line data:.",
            nl: "Het DL-bestand heeft geen sectie data:.",
            hintNL: "Zet de matrix of de lijst met relaties na een regel data:.")
        return false
    }

    mutating func unknown(_ token: DLToken) -> Bool {
        if !token.quoted && Double(token.text) != nil {
            log.error(
                path, token.line, "The data start without a line data:.",
                hint: "Put data: on the line before the matrix or the edge list.",
                nl: "De gegevens beginnen zonder een regel data:.",
                hintNL: "Zet data: op de regel vóór de matrix of de lijst met relaties.")
            return false
        }
        log.error(
            path, token.line, "netan does not know the DL keyword \"\(token.text)\".",
            hint:
                "netan reads n, nm, format (fullmatrix or edgelist1), diagonal, labels:, row labels:, "
                + "column labels:, matrix labels:, labels embedded and data:.",
            nl: "netan kent het DL-sleutelwoord \"\(token.text)\" niet.",
            hintNL:
                "netan leest n, nm, format (fullmatrix of edgelist1), diagonal, labels:, row labels:, "
                + "column labels:, matrix labels:, labels embedded en data:.")
        return false
    }

    mutating func wholeNumber(after token: DLToken) -> Int? {
        if let word = next(), !word.quoted, let value = Int(word.text), value >= 0 {
            if token.keyword != "nm" && value > Limits.maximumActors {
                log.error(
                    path, word.line,
                    "\(token.text) = \(value) is more than the limit of \(Limits.maximumActors) actors.",
                    hint: "Check the header, or raise the limit with NETAN_MAX_ACTORS.",
                    nl: "\(token.text) = \(value) is meer dan de limiet van \(Limits.maximumActors) actoren.",
                    hintNL: "Controleer de kop, of verhoog de limiet met NETAN_MAX_ACTORS.")
                return nil
            }
            return value
        }
        log.error(
            path, token.line, "\(token.text.uppercased()) must be followed by a whole number.",
            hint: "For example DL n = 5, nm = 2.",
            nl: "Na \(token.text.uppercased()) hoort een geheel getal.",
            hintNL: "Bijvoorbeeld DL n = 5, nm = 2.")
        return nil
    }

    mutating func readFormat(_ token: DLToken) {
        let value = next()
        switch value?.keyword ?? "" {
        case "fullmatrix", "fm": layout = .fullMatrix
        case "edgelist1", "el1", "edgelist": layout = .edgeList
        default:
            log.error(
                path, value?.line ?? token.line,
                "netan does not read the DL format \"\(value?.text ?? "")\".",
                hint:
                    "netan reads format = fullmatrix and format = edgelist1; "
                    + "export the data from UCINET in one of these.",
                nl: "netan leest het DL-formaat \"\(value?.text ?? "")\" niet.",
                hintNL:
                    "netan leest format = fullmatrix en format = edgelist1; "
                    + "exporteer de gegevens uit UCINET in een van deze.")
        }
    }

    /// Reads `count` labels after a `labels:`-like keyword, or up to the next header word
    /// when the count is not known.
    mutating func readLabels(after token: DLToken, count: Int?) -> [DLToken] {
        var labels: [DLToken] = []
        while position < tokens.count {
            if let count, labels.count == count { break }
            let word = tokens[position]
            if word.keyword == "data:" || (count == nil && Self.headerWords.contains(word.keyword)) { break }
            labels.append(word)
            position += 1
        }
        if let count, labels.count != count {
            let name = token.keyword == "matrix" ? "nm" : "n"
            log.error(
                path, token.line,
                "This labels list has \(labels.count) labels where \(name) = \(count) asks for \(count).",
                hint: "Give one label per actor (per matrix for matrix labels:), separated by commas.",
                nl: "Deze lijst met labels heeft \(labels.count) labels, terwijl \(name) = \(count) "
                    + "er \(count) vraagt.",
                hintNL:
                    "Geef één label per actor (per matrix bij matrix labels:), gescheiden door komma's.")
        }
        return labels
    }

    /// Checks the header as a whole and sets up the actors known before the data.
    mutating func settleHeader() {
        if rowCount != nil || columnCount != nil {
            if let rows = rowCount, let columns = columnCount, rows == columns, n == nil {
                n = rows
            } else if n == nil || rowCount != columnCount {
                log.error(
                    path, headerLine,
                    "This DL file holds two-mode data (nr = \(rowCount.map(String.init) ?? "?"), "
                        + "nc = \(columnCount.map(String.init) ?? "?")).",
                    hint:
                        "netan reads one-mode networks, with the same actors in rows and columns; "
                        + "make a one-mode network first (for example in UCINET).",
                    nl: "Dit DL-bestand bevat two-mode-gegevens (nr = \(rowCount.map(String.init) ?? "?"), "
                        + "nc = \(columnCount.map(String.init) ?? "?")).",
                    hintNL:
                        "netan leest one-mode-netwerken, met dezelfde actoren in rijen en kolommen; "
                        + "maak eerst een one-mode-netwerk (bijvoorbeeld in UCINET).")
                return
            }
        }
        if let rows = rowLabels, let columns = columnLabels, rows.map(\.text) != columns.map(\.text) {
            log.error(
                path, columns.first?.line ?? headerLine, "The column labels differ from the row labels.",
                hint:
                    "netan reads one-mode networks: the same actors, in the same order, "
                    + "in rows and columns.",
                nl: "De kolomlabels verschillen van de rijlabels.",
                hintNL:
                    "netan leest one-mode-netwerken: dezelfde actoren, in dezelfde volgorde, "
                    + "in rijen en kolommen.")
            return
        }
        if matrixCount == nil, let labels = matrixLabels { matrixCount = labels.count }
        if let labels = rowLabels ?? columnLabels {
            if n == nil { n = labels.count }
            for label in labels { addActor(label.text, line: label.line) }
        } else if let n, !embedded {
            for number in 0..<n { addActor(String(number + 1), line: headerLine) }
        } else if n == nil && !(layout == .edgeList && embedded) {
            log.error(
                path, headerLine, "The DL header gives no n (the number of actors).",
                hint: "Write the number of actors after DL, for example DL n = 5.",
                nl: "De DL-kop geeft geen n (het aantal actoren).",
                hintNL: "Schrijf het aantal actoren na DL, bijvoorbeeld DL n = 5.")
        }
    }

    mutating func addActor(_ id: String, line: Int) {
        if idIndex[id] == nil { idIndex[id] = ids.count }
        ids.append(id)
        idLines.append(line)
    }

    // MARK: Data

    /// Reads `nm` full matrices of n rows; with embedded labels a row of column labels first
    /// (repeated or not before later matrices) and a row label before each row.
    mutating func readFullMatrices() {
        guard let n, n > 0 else { return }
        let rowLength = diagonalAbsent ? n - 1 : n
        let count = max(matrixCount ?? 1, 1)
        var errors = 0
        var m = 0
        while m < count {
            while peek() == "!" { position += 1 }
            let start = position
            if columnLabelsEmbedded {
                if m == 0 {
                    var labels: [DLToken] = []
                    while labels.count < n, let word = next() { labels.append(word) }
                    guard labels.count == n else { return endsEarly(matrix: m, row: 0, n: n) }
                    if ids.isEmpty {
                        for label in labels { addActor(label.text, line: label.line) }
                    } else if labels.map(\.text) != ids {
                        log.error(
                            path, labels[0].line,
                            "The column labels in the data differ from the labels list.",
                            hint: "Give the actors in the same order in both, or leave out one of them.",
                            nl: "De kolomlabels in de gegevens verschillen van de lijst met labels.",
                            hintNL:
                                "Geef de actoren in beide in dezelfde volgorde, "
                                + "of laat een van de twee weg.")
                        return
                    }
                } else if position + n <= tokens.count && tokens[position..<position + n].map(\.text) == ids {
                    position += n
                }
            }
            for row in 0..<n {
                if rowLabelsEmbedded {
                    guard let label = next() else { return endsEarly(matrix: m, row: row, n: n) }
                    if ids.count < n {
                        addActor(label.text, line: label.line)
                    } else if label.text != ids[row] {
                        log.error(
                            path, label.line,
                            "The row label \"\(label.text)\" differs from the column label \"\(ids[row])\".",
                            hint: "netan reads one-mode networks: the same actors, in the same order, "
                                + "in rows and columns.",
                            nl:
                                "Het rijlabel \"\(label.text)\" verschilt van het kolomlabel "
                                + "\"\(ids[row])\".",
                            hintNL:
                                "netan leest one-mode-netwerken: dezelfde actoren, in dezelfde volgorde, "
                                + "in rijen en kolommen.")
                        return
                    }
                }
                var column = 0
                for _ in 0..<rowLength {
                    if diagonalAbsent && column == row { column += 1 }
                    guard let word = next() else { return endsEarly(matrix: m, row: row, n: n) }
                    defer { column += 1 }
                    if word.text == "?" { continue }  // a missing value: no tie
                    guard let value = NumberParsing.parse(word.text, decimalComma: false) else {
                        log.error(
                            path, word.line,
                            "\"\(word.text)\" is not a number (matrix \(m + 1), row \(row + 1), "
                                + "column \(column + 1)).",
                            hint: "A full matrix holds one number per cell: 0 for no tie, else its strength.",
                            nl: "\"\(word.text)\" is geen getal (matrix \(m + 1), rij \(row + 1), "
                                + "kolom \(column + 1)).",
                            hintNL: "Een volledige matrix heeft één getal per cel: 0 voor geen relatie, "
                                + "anders de sterkte ervan.")
                        errors += 1
                        if errors >= 20 { return }
                        continue
                    }
                    if value != 0 {
                        _ = matrices[m, default: DLMatrix()].set(
                            DLCell(row: row, column: column, value: value, text: word.text, line: word.line))
                    }
                }
            }
            m += 1
            if position == start { break }  // nothing to read per matrix (n = 1, diagonal absent)
        }
        while peek() == "!" { position += 1 }
        if let extra = next() {
            log.error(
                path, extra.line,
                "The data go on after the \(count) matrices of \(n) rows that n and nm ask for.",
                hint: "Check n and nm in the header, or remove what follows.",
                nl: "De gegevens gaan verder na de \(count) matrices van \(n) rijen die n en nm vragen.",
                hintNL: "Controleer n en nm in de kop, of verwijder wat erna komt.")
        }
    }

    mutating func endsEarly(matrix: Int, row: Int, n: Int) {
        let total = max(matrixCount ?? 1, 1)
        log.error(
            path, tokens.last?.line,
            "The data end in row \(row + 1) of matrix \(matrix + 1); n = \(n) and nm = \(total) "
                + "ask for \(total) matrices of \(n) rows.",
            hint: "Complete the matrix, or check n and nm in the header.",
            nl: "De gegevens stoppen in rij \(row + 1) van matrix \(matrix + 1); n = \(n) en "
                + "nm = \(total) vragen om \(total) matrices van \(n) rijen.",
            hintNL: "Maak de matrix af, of controleer n en nm in de kop.")
    }

    /// Reads an edge list: per line two actors and an optional value; a line holding only `!`
    /// starts the next matrix.
    mutating func readEdgeList() {
        let count = max(matrixCount ?? 1, 1)
        var m = 0
        var errors = 0
        while position < tokens.count {
            let line = tokens[position].line
            var end = position
            while end < tokens.count && tokens[end].line == line { end += 1 }
            let words = Array(tokens[position..<end])
            position = end
            if errors >= 20 { return }
            if words.count == 1 && words[0].keyword == "!" {
                m += 1
                if m == count {
                    errors += 1
                    log.error(
                        path, line, "This ! starts matrix \(m + 1), but nm = \(count).",
                        hint: "Give nm = the number of matrices (relation types) in the header.",
                        nl: "Deze ! begint matrix \(m + 1), maar nm = \(count).",
                        hintNL: "Geef in de kop nm = het aantal matrices (relatietypes).")
                }
                continue
            }
            guard words.count == 2 || words.count == 3 else {
                errors += 1
                log.error(
                    path, line,
                    "An edge list line holds two actors and at most one value; "
                        + "this one has \(words.count) items.",
                    hint: "Write: source target [value]; separate the lists of several matrices by a line "
                        + "holding only !.",
                    nl: "Een regel van een lijst met relaties heeft twee actoren en hoogstens één waarde; "
                        + "deze heeft er \(words.count).",
                    hintNL: "Schrijf: bron doel [waarde]; scheid de lijsten van meer matrices met een regel "
                        + "met alleen !.")
                continue
            }
            guard let source = actor(words[0]), let target = actor(words[1]) else {
                errors += 1
                continue
            }
            var value = 1.0
            var text = "1"
            if words.count == 3 {
                guard let parsed = NumberParsing.parse(words[2].text, decimalComma: false) else {
                    errors += 1
                    log.error(
                        path, line, "The value \"\(words[2].text)\" is not a number.",
                        hint: "The third item of an edge list line is the tie's strength, e.g. 2 or 0.5.",
                        nl: "De waarde \"\(words[2].text)\" is geen getal.",
                        hintNL:
                            "Het derde item van een regel is de sterkte van de relatie, "
                            + "bijvoorbeeld 2 of 0.5.")
                    continue
                }
                value = parsed
                text = words[2].text
            }
            guard value != 0 && m < count else { continue }
            let cell = DLCell(row: source, column: target, value: value, text: text, line: line)
            if !matrices[m, default: DLMatrix()].set(cell) {
                log.warning(
                    path, line,
                    "The tie \(ids[source]) → \(ids[target]) appears twice in matrix \(m + 1); "
                        + "the last value counts.",
                    hint: "Give each tie once per matrix; put ties of another type in another matrix.",
                    nl: "De relatie \(ids[source]) → \(ids[target]) staat twee keer in matrix \(m + 1); "
                        + "de laatste waarde telt.",
                    hintNL: "Geef elke relatie één keer per matrix; zet relaties van een ander type in een "
                        + "andere matrix.")
            }
        }
        if embedded, let n, ids.count < n {
            log.warning(
                path, nil,
                "n = \(n), but only \(ids.count) labels occur; the other actors have no ties and no "
                    + "label, and are left out.",
                hint: "List every actor under labels: to keep actors without ties.",
                nl: "n = \(n), maar er komen maar \(ids.count) labels voor; de andere actoren hebben geen "
                    + "relaties en geen label, en worden weggelaten.",
                hintNL: "Zet alle actoren onder labels: om ook actoren zonder relaties te houden.")
        }
    }

    /// The actor a word of an edge list names: a number 1…n, or with embedded labels a label
    /// (a new one while fewer than n are known).
    mutating func actor(_ word: DLToken) -> Int? {
        if !embedded, !word.quoted, let number = Int(word.text) {
            if number >= 1 && number <= ids.count { return number - 1 }
            log.error(
                path, word.line,
                "There is no actor number \(number); the actors are numbered 1 to \(ids.count).",
                hint: "Check n in the header, or the numbers in this line.",
                nl:
                    "Er is geen actor met nummer \(number); "
                    + "de actoren zijn genummerd van 1 tot \(ids.count).",
                hintNL: "Controleer n in de kop, of de nummers op deze regel.")
            return nil
        }
        if let index = idIndex[word.text] { return index }
        guard embedded else {
            log.error(
                path, word.line, "\"\(word.text)\" is not an actor number or label.",
                hint: "Number the actors 1 to n, or write labels embedded in the header to use labels.",
                nl: "\"\(word.text)\" is geen nummer of label van een actor.",
                hintNL:
                    "Nummer de actoren van 1 tot n, of zet labels embedded in de kop om labels te gebruiken.")
            return nil
        }
        if let n, ids.count >= n {
            log.error(
                path, word.line, "The label \"\(word.text)\" is one more than n = \(n) actors.",
                hint: "Raise n, or check the label's spelling against the other labels.",
                nl: "Het label \"\(word.text)\" is er één meer dan n = \(n) actoren.",
                hintNL: "Verhoog n, of controleer de spelling van het label tegen de andere labels.")
            return nil
        }
        if ids.count >= Limits.maximumActors {
            log.error(
                path, word.line, "The edge list names more than \(Limits.maximumActors) actors.",
                hint: "Check that this is the right file, or raise the limit with NETAN_MAX_ACTORS.",
                nl: "De lijst noemt meer dan \(Limits.maximumActors) actoren.",
                hintNL: "Controleer of dit het juiste bestand is, of verhoog de limiet met NETAN_MAX_ACTORS.")
            return nil
        }
        addActor(word.text, line: word.line)
        return ids.count - 1
    }

    // MARK: Relations

    /// The ties of every matrix as relation records (see the direction rule at the top).
    func relationRecords() -> [RawRecord<RelationField>] {
        var records: [RawRecord<RelationField>] = []
        let count = max(matrixCount ?? 1, 1)
        for m in matrices.keys.sorted() {
            let matrix = matrices[m]!
            let label = matrixLabels.flatMap { m < $0.count ? $0[m].text : nil }
            let symmetric = matrix.isSymmetric
            let type = label ?? (count > 1 ? "matrix\(m + 1)" : symmetric ? "samenwerking" : "contract")
            let mutualIsUndirected =
                Vocabulary.standard.relationType(named: type).map { !$0.directed } ?? symmetric
            var consumed = Set<DLPair>()
            for cell in matrix.cells where !consumed.contains(DLPair(row: cell.row, column: cell.column)) {
                var undirected = false
                if mutualIsUndirected && cell.row != cell.column,
                    let mirror = matrix.cell(cell.column, cell.row), mirror.value == cell.value,
                    !consumed.contains(DLPair(row: mirror.row, column: mirror.column))
                {
                    consumed.insert(DLPair(row: mirror.row, column: mirror.column))
                    undirected = true
                }
                records.append(
                    RawRecord(
                        line: cell.line,
                        values: [
                            .source: ids[cell.row], .target: ids[cell.column], .type: type,
                            .weight: cell.text, .directed: undirected ? "false" : "true",
                        ], attributes: [:]))
            }
        }
        return records
    }
}

extension InteropReaders {
    // MARK: - UCINET DL

    static func ucinetDL(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = NetworkReader.readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        var reader = DLReader(path: path, text: text, log: log)
        if reader.readHeader() {
            reader.settleHeader()
            if !reader.log.hasErrors {
                switch reader.layout {
                case .fullMatrix: reader.readFullMatrices()
                case .edgeList: reader.readEdgeList()
                }
            }
        }
        log = reader.log
        if log.hasErrors { throw NetworkLoadError(log.items) }
        let actors = zip(reader.ids, reader.idLines).map { id, line in
            RawRecord<ActorField>(line: line, values: [.id: id, .type: "overig"], attributes: [:])
        }
        if !actors.isEmpty {
            log.warning(
                path, nil, "UCINET DL holds no actor types; every actor is \"overig\".",
                hint: "Add types in a network folder to use the power analysis by actor type.",
                nl: "UCINET DL kent geen actortypes; elke actor wordt \"overig\".",
                hintNL:
                    "Geef de types op in een netwerkmap "
                    + "om de machtsanalyse per actortype te kunnen gebruiken.")
        }
        let name = reader.title ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try build(
            file: path, metadata: NetworkMetadata(name: name), actors: actors,
            relations: reader.relationRecords(), log: log)
    }
}

extension NetworkWriter {
    // MARK: - UCINET DL

    /// Networks with at most this many actors are written as full matrices, larger ones as
    /// edge lists.
    static let dlFullMatrixLimit = 200

    /// UCINET DL text: `fullmatrix` up to ``dlFullMatrixLimit`` actors, else `edgelist1` with
    /// embedded labels (and the labels list, so actors without ties are kept); `fullMatrix`
    /// forces one of the two. One matrix per relation type (see ``dlMatrices(_:)``).
    static func ucinetDL(_ network: Network, fullMatrix: Bool? = nil) -> String {
        let n = network.actors.count
        let full = fullMatrix ?? (n <= dlFullMatrixLimit)
        let matrices = dlMatrices(network)
        var out = "DL n = \(n)"
        if !matrices.isEmpty { out += ", nm = \(matrices.count)" }
        out += "\r\nformat = \(full ? "fullmatrix" : "edgelist1")\r\n"
        if !full { out += "labels embedded\r\n" }
        // Gephi takes the first line ending in "labels:" for the actors' labels.
        out += "labels:\r\n" + network.actors.map { dlWord($0.id) }.joined(separator: ",") + "\r\n"
        if !matrices.isEmpty {
            out += "matrix labels:\r\n" + matrices.map { dlWord($0.type) }.joined(separator: ",") + "\r\n"
        }
        out += "data:\r\n"
        if full {
            for cells in matrices.isEmpty ? [[:]] : matrices.map({ $0.cells }) {
                for row in 0..<n {
                    let values = (0..<n).map { cells[row * n + $0].map { Cell.number($0).string } ?? "0" }
                    out += values.joined(separator: " ") + "\r\n"
                }
            }
        } else {
            let labels = network.actors.map { dlWord($0.id) }
            for (k, matrix) in matrices.enumerated() {
                if k > 0 { out += "!\r\n" }
                for key in matrix.order {
                    let weight = Cell.number(matrix.cells[key]!).string
                    out += "\(labels[key / n]) \(labels[key % n]) \(weight)\r\n"
                }
            }
        }
        return out
    }

    /// The matrices of a DL file: one per relation type, in order of first appearance, and more
    /// where the reader (see UCINETDLFormat.swift) would otherwise not give the relations back.
    /// A matrix holds only directed or only undirected relations (an undirected one as two equal
    /// cells), at most one relation per cell, and, unless netan's vocabulary calls the type
    /// directed, no two opposite directed relations of equal weight (they would read as one
    /// undirected relation). Cells are keyed `row × n + column`, `order` as written.
    ///
    /// An undirected relation of a type the vocabulary calls directed comes back as two directed
    /// relations: DL has no other place for its direction.
    static func dlMatrices(_ network: Network) -> [(type: String, cells: [Int: Double], order: [Int])] {
        let n = network.actors.count
        var matrices: [(type: String, directed: Bool, cells: [Int: Double], order: [Int])] = []
        var byType: [String: [Int]] = [:]
        var types: [String] = []
        for relation in network.relations {
            guard let s = network.index(ofActor: relation.source),
                let t = network.index(ofActor: relation.target)
            else { continue }
            let keys = relation.directed || s == t ? [s * n + t] : [s * n + t, t * n + s]
            let mutualIsDirected =
                Vocabulary.standard.relationType(named: relation.type)?.directed == true
            let fits = { (m: Int) -> Bool in
                let matrix = matrices[m]
                return matrix.directed == relation.directed && keys.allSatisfy { matrix.cells[$0] == nil }
                    && (!relation.directed || mutualIsDirected || matrix.cells[t * n + s] != relation.weight)
            }
            if byType[relation.type] == nil { types.append(relation.type) }
            var m = byType[relation.type]?.first(where: fits)
            if m == nil {
                matrices.append((relation.type, relation.directed, [:], []))
                byType[relation.type, default: []].append(matrices.count - 1)
                m = matrices.count - 1
            }
            let chosen = m!
            for key in keys {
                matrices[chosen].cells[key] = relation.weight
                matrices[chosen].order.append(key)
            }
        }
        return types.flatMap { byType[$0]! }.map {
            (type: matrices[$0].type, cells: matrices[$0].cells, order: matrices[$0].order)
        }
    }

    /// A label or matrix label for DL: as is when it is a plain word, else quoted with `\`
    /// before `"` and `\` (line breaks become spaces).
    static func dlWord(_ text: String) -> String {
        let plain =
            !text.isEmpty && !text.hasSuffix(":") && text != "!"
            && !text.contains { $0.isWhitespace || $0 == "," || $0 == "=" || $0 == "\"" || $0 == "\\" }
        if plain { return text }
        var out = "\""
        for ch in text {
            switch ch {
            case "\"", "\\": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}
