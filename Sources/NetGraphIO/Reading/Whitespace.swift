extension String {
    /// The text without leading and trailing spaces and tabs: the characters of Foundation's
    /// `CharacterSet.whitespaces` (Unicode category Zs, such as the space and the no-break
    /// space, and the tab), so the result equals `trimmingCharacters(in: .whitespaces)`.
    ///
    /// Reading a network folder trims every cell; Foundation's version bridges through
    /// `NSString` and took 40% of the time of reading a 200,000-relation folder. This one
    /// returns the string itself, without copying, when it starts and ends with a visible ASCII
    /// character, which is nearly every cell.
    package var trimmedSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return self }
        guard let start = unicodeScalars.firstIndex(where: { !Self.isSpace($0) }),
            let end = unicodeScalars.lastIndex(where: { !Self.isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }

    /// Whether `scalar` is in `CharacterSet.whitespaces`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
}
