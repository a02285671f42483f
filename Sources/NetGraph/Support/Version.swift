/// The netan release this library belongs to, as the command line's `--version` prints it
/// and reports record it.
public enum NetanVersion {
    /// Semantic version, e.g. "0.2.0".
    public static let string = "0.2.0"
}
