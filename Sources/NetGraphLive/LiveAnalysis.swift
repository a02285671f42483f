import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender
import NetGraphReports

/// What the views show besides the network itself, for one version: the findings (the same
/// JSON as `netan flags --format json`, in both languages) and the diagram (SVG), with every
/// actor kept where it was placed before.
public struct LiveViews: Sendable {
    /// The network's version these views belong to.
    public let version: Int
    /// `netan flags --format json` output, by language ("nl", "en").
    public let flags: [String: String]
    /// The findings for the facilitator's panel, by language: a JSON array of
    /// `{"title", "severity", "level", "message", "headline", "actors"}`, headline findings first.
    public let findings: [String: String]
    /// The diagram as SVG.
    public let svg: Data
}

/// Computes the views once per version, off the request threads, and announces them.
///
/// The map keeps the picture people have seen: each layout starts from the previous places
/// (neato refines them; new actors are placed around them), and the places are kept in the
/// journal so a restart shows the same map.
///
/// The analysis is the CLI's own (`NetworkAnalysis`: one analysis per version, shared by
/// findings and diagram). Versions that are overtaken while one is being computed are skipped:
/// when ten changes arrive during one layout, the next computation is of the tenth.
public actor LiveAnalysis {
    private let workshop: Workshop
    private var cached: LiveViews?
    private var running: (version: Int, task: Task<(LiveViews, [String: (Double, Double)]), any Error>)?
    private var positions: [String: (Double, Double)]
    private let queue = DispatchQueue(label: "netan.live.analysis")

    /// Creates the analysis of `workshop`'s network, with the positions kept in its journal.
    public init(workshop: Workshop) {
        self.workshop = workshop
        positions = (try? workshop.journal.positions()) ?? [:]
    }

    /// The views of the current version (computed now when not yet done). Callers asking for
    /// the same version while it is being computed wait for that one computation.
    ///
    /// - Throws: `GraphvizError` when the diagram cannot be laid out.
    public func current() async throws -> LiveViews {
        let (network, version) = await workshop.snapshot()
        if let cached, cached.version >= version { return cached }
        if let running, running.version == version { return try await running.task.value.0 }
        let known = positions
        let queue = queue
        let task = Task {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    continuation.resume(
                        with: Result { try Self.compute(network, version: version, positions: known) })
                }
            }
        }
        running = (version, task)
        defer { if running?.version == version { running = nil } }
        let (views, placed) = try await task.value
        positions.merge(placed) { _, new in new }
        try? workshop.journal.savePositions(placed)
        if (cached?.version ?? -1) < views.version { cached = views }
        return views
    }

    /// Follows the changes and announces new views (`kind` "analysis") until cancelled.
    public func run() async {
        let events = workshop.hub.subscribe(bufferingNewest: 1)
        for await event in events where event.kind == "change" {
            if let views = try? await current(), views.version >= event.version {
                workshop.hub.publish(LiveEvent(kind: "analysis", version: views.version))
            }
        }
    }

    static func compute(
        _ network: Network, version: Int, positions: [String: (Double, Double)]
    ) throws -> (LiveViews, [String: (Double, Double)]) {
        let language = network.metadata.language
        guard !network.actors.isEmpty else {
            let empty = "{\"findings\":[],\"summary\":[]}"
            return (
                LiveViews(
                    version: version, flags: ["nl": empty, "en": empty], findings: ["nl": "[]", "en": "[]"],
                    svg: Data(emptySVG(language).utf8)),
                [:]
            )
        }
        let analysis = NetworkAnalysis(network)
        let flags = [
            "nl": FlagReport(power: analysis.power, language: "nl").render(.json),
            "en": FlagReport(power: analysis.power, language: "en").render(.json),
        ]
        let findings = ["nl": panel(analysis, "nl"), "en": panel(analysis, "en")]
        var request = DiagramRequest()
        request.language = language
        request.preset = .screen
        // Every actor stays its own node: participants look for what they just added, and
        // groups that change with each edit would move the map around.
        request.view.fold = false
        var plan = try DiagramPlan(analysis, request: request)
        var known = positions
        try plan.settlePositions(&known, full: network)
        let svg = try plan.render(.svg).data
        return (LiveViews(version: version, flags: flags, findings: findings, svg: svg), known)
    }

    /// The findings in plain words: headline first, then the rest by severity.
    static func panel(_ analysis: NetworkAnalysis, _ language: String) -> String {
        let summary = FindingSummary(analysis.flags, actorCount: analysis.network.actors.count)
        func key(_ flag: PowerFlag) -> String { flag.rule + "|" + flag.subject.ids.joined(separator: ",") }
        let headline = summary.headline
        let headlineKeys = Set(headline.map(key))
        let rest = analysis.flags.filter { !headlineKeys.contains(key($0)) }
        let items: [[String: Any]] = (headline + rest).map { flag in
            [
                "title": FindingLabels.title(ofRule: flag.rule, language),
                "severity": FindingLabels.severity(flag.severity, language),
                "level": flag.severity.rawValue, "message": flag.message(language),
                "headline": headlineKeys.contains(key(flag)),
                "actors": flag.subject.kind == .network ? [] : flag.subject.ids,
            ]
        }
        return JSONOutput.text(items)
    }

    static func emptySVG(_ language: String) -> String {
        let text =
            language == "en"
            ? "No actors yet: add the first one on a phone or laptop."
            : "Nog geen partijen: voeg de eerste toe op een telefoon of laptop."
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="640" height="120" viewBox="0 0 640 120">\
            <text x="320" y="64" text-anchor="middle" font-family="sans-serif" font-size="18" \
            fill="#555">\(text)</text></svg>
            """
    }
}
