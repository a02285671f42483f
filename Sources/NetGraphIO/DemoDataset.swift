import Foundation
import NetGraph

/// The embedded illustrative dataset ("Zorg voor elkaar Breda", illustratief), shipped as
/// a package resource so `netan demo` works from any directory.
public enum DemoDataset {
    /// The network folder inside the resource bundle.
    public static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("demo")
    }

    /// Reads the demo network folder.
    ///
    /// - Throws: ``NetworkLoadError`` if the bundled files cannot be read (a broken install).
    public static func load() throws -> LoadedNetwork {
        try NetworkReader.load(path: folder.path)
    }
}
