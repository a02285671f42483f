import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NetGraph
import NetGraphIO
import ServiceLifecycle

/// The request context: Hummingbird's, plus the connection the request came on (the unit of
/// the request budget) and the body limit.
public struct LiveRequestContext: RequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// Remote address and port of the connection.
    public let connection: String

    /// Creates the context for a request on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connection = source.channel.remoteAddress?.description ?? "unknown"
    }

    /// Bodies larger than this are refused (413).
    public var maxUploadSize: Int { LiveLimits().requestBytes }
}

/// `netan serve`: the HTTP and WebSocket server of a live workshop.
public struct LiveServer: Sendable {
    /// The workshop being served.
    public let workshop: Workshop
    /// The analysis that keeps findings and diagram current.
    public let analysis: LiveAnalysis
    /// Address to bind ("127.0.0.1" unless the room's Wi-Fi is meant).
    public let host: String
    /// Port to bind (0: any free port).
    public let port: Int
    /// The join code.
    public let code: String

    /// Opens the workshop on `folder` (see ``Workshop/init(folder:limits:language:)``).
    ///
    /// - Throws: the workshop's errors (invalid folder, journal not writable).
    public init(folder: String, host: String, port: Int, code: String, limits: LiveLimits = LiveLimits())
        throws
    {
        workshop = try Workshop(folder: folder, limits: limits)
        analysis = LiveAnalysis(workshop: workshop)
        self.host = host
        self.port = port
        self.code = code
    }

    /// Runs until SIGINT or SIGTERM; `onRunning` receives the port actually bound.
    ///
    /// - Throws: NIO's error when the address cannot be bound.
    public func run(onRunning: @escaping @Sendable (Int) -> Void) async throws {
        let ready = PortBox()
        let router = Router(context: LiveRequestContext.self)
        let hosts: Set<String> =
            host == "0.0.0.0" || host == "::"
            ? ["*", "localhost"] : [host.lowercased(), "localhost", "127.0.0.1"]
        let budget = RequestBudget(rate: workshop.limits.requestsPerSecond)
        router.add(middleware: GuardMiddleware(ready: ready, hosts: hosts, code: code, budget: budget))
        LiveRoutes(workshop: workshop, analysis: analysis, code: code).register(on: router)
        let hub = workshop.hub
        let limits = workshop.limits
        let code = code
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade { head, _, _ in
                let access = LiveAccess(code: code, hosts: hosts, port: ready.port)
                guard head.path?.hasPrefix("/api/live") == true,
                    access.acceptsHost(head.authority),
                    access.acceptsOrigin(head.headerFields[.origin], authority: head.authority),
                    access.accepts(
                        Self.code(in: head.path) ?? LiveAccess.bearer(head.headerFields[.authorization])),
                    hub.count < limits.liveViews
                else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in
                    try await LiveSocket.serve(inbound: inbound, outbound: outbound, workshop: workshop)
                }
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "netan"),
            services: [HubShutdown(hub: workshop.hub)],
            onServerRunning: { channel in
                ready.port = channel.localAddress?.port ?? port
                onRunning(ready.port)
            },
            logger: Logger(label: "netan.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let analysis = analysis
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await analysis.run() }
            try await app.runService()
            hub.finish()
            group.cancelAll()
        }
    }

    /// The `code` query parameter of a request path.
    static func code(in path: String?) -> String? {
        guard let path, let query = path.split(separator: "?", maxSplits: 1).dropFirst().first else {
            return nil
        }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 && parts[0] == "code" { return String(parts[1]).removingPercentEncoding }
        }
        return nil
    }
}

/// The port once bound (the Host and Origin checks need it).
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var port: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Refuses before any route runs: unknown Host (403), foreign Origin (403), no code (401, the
/// pages answer with a form to type the code), too many requests (429).
struct GuardMiddleware: RouterMiddleware {
    typealias Context = LiveRequestContext
    let ready: PortBox
    let hosts: Set<String>
    let code: String
    let budget: RequestBudget

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let access = LiveAccess(code: code, hosts: hosts, port: ready.port)
        let authority = request.head.authority
        guard access.acceptsHost(authority) else {
            return LiveRoutes.problem(
                403, "This server does not answer to that host name.",
                nl: "Deze server hoort niet bij die hostnaam.")
        }
        guard access.acceptsOrigin(request.headers[.origin], authority: authority) else {
            return LiveRoutes.problem(
                403, "Requests from other web sites are refused.",
                nl: "Verzoeken van andere websites worden geweigerd.")
        }
        guard budget.take(context.connection) else {
            return LiveRoutes.problem(
                429, "Too many requests; wait a moment.", nl: "Te veel verzoeken; wacht even.")
        }
        let isPage = !request.uri.path.hasPrefix("/api/")
        let given =
            LiveAccess.bearer(request.headers[.authorization])
            ?? ((isPage || request.uri.path == "/api/live") ? request.uri.queryParameters.get("code") : nil)
        guard access.accepts(given) else {
            if isPage {
                var response = Response(
                    status: .unauthorized, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(
                        byteBuffer: ByteBuffer(
                            string: LivePages.codeForm(path: request.uri.path, wrong: given != nil))))
                response.headers[.wwwAuthenticate] = "Bearer"
                return response
            }
            var response = LiveRoutes.problem(
                401, "Give the workshop's code: Authorization: Bearer CODE.",
                nl: "Geef de code van de workshop mee: Authorization: Bearer CODE.")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// The WebSocket of one open view: a "hello" with the current version, then every event.
enum LiveSocket {
    static func serve(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, workshop: Workshop
    ) async throws {
        let events = workshop.hub.subscribe()
        let version = await workshop.snapshot().version
        try await outbound.write(.text(LiveEvent(kind: "hello", version: version).json))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await _ in inbound {}  // until the view closes
            }
            group.addTask {
                for await event in events { try await outbound.write(.text(event.json)) }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}

/// Ends every live view when the server is asked to stop (Ctrl-C, SIGTERM): the WebSocket
/// handlers return, so the graceful shutdown does not wait for views that would stay open.
struct HubShutdown: Service {
    let hub: LiveHub

    func run() async throws {
        try? await gracefulShutdown()
        hub.finish()
    }
}
