import FlyingFox
import Foundation
import TalkootKit

/// `talkoot serve`: builds into a temporary folder, serves it under base_url's path, rebuilds
/// when content or themes change and makes open pages reload. Never writes `site/`.
public final class PreviewServer: Sendable {
    public let options: SiteBuilder.Options
    public let host: String
    public let port: UInt16
    let state = PreviewState()
    /// Called with each build's messages (the CLI prints them).
    let report: @Sendable (String) -> Void

    public init(options: SiteBuilder.Options, host: String, port: UInt16, report: @escaping @Sendable (String) -> Void) {
        var o = options
        o.baseOrigin = "http://\(host):\(port)"
        o.output = FileManager.default.temporaryDirectory
            .appendingPathComponent("talkoot-serve-\(ProcessInfo.processInfo.processIdentifier)/site")
        self.options = o
        self.host = host
        self.port = port
        self.report = report
    }

    /// Builds once, then serves until the process ends.
    public func run() async throws {
        await rebuild()
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30)
        let state = self.state
        let root = options.output
        await server.appendRoute("GET /__talkoot/version") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .init("Cache-Control"): "no-store"],
                         body: Data(String(await state.version).utf8))
        }
        await server.appendRoute("GET *") { request in
            await PreviewServer.respond(to: request.path, root: root, basePath: await state.basePath)
        }
        let watcher = Task { await self.watch() }
        defer { watcher.cancel() }
        report("Serving on http://\(host):\(port)\(await state.basePath) (Ctrl-C stops)")
        try await server.run()
    }

    func rebuild() async {
        let started = Date()
        let result = SiteBuilder(options: options).build()
        for d in result.diagnostics where d.severity == .error { report("\(d.file):\(d.line):\(d.column): error: \(d.message)") }
        if result.hasErrors {
            report("Content has errors: still serving the last good build")
            return
        }
        if let io = result.ioError { report("error: \(io)"); return }
        await state.built(basePath: basePath())
        report(String(format: "Built %d pages in %.2f s", result.pages, Date().timeIntervalSince(started)))
    }

    /// The path part of base_url, read from the built sitemap's first URL (cheap and exact).
    func basePath() -> String {
        let origin = "http://\(host):\(port)"
        guard let sitemap = try? String(contentsOf: options.output.appendingPathComponent("sitemap.xml"), encoding: .utf8),
              let r = sitemap.range(of: "<loc>" + origin) else { return "/" }
        let rest = sitemap[r.upperBound...]
        let path = rest.prefix { $0 != "<" }
        // The first URL is the landing page: base path plus the default language's (empty) prefix.
        return path.isEmpty ? "/" : String(path)
    }

    /// Polls modification times once a second: portable and cheap for a content folder.
    func watch() async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 700_000_000)
            let now = fingerprint()
            if now != last {
                last = now
                report("Change detected: rebuilding")
                await rebuild()
            }
        }
    }

    func fingerprint() -> [String: Date] {
        var out: [String: Date] = [:]
        for root in [options.content, options.themes] {
            guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
            for case let url as URL in e {
                out[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            }
        }
        return out
    }

    static let reloadScript = """
    <script>(function(){var v=null;setInterval(function(){fetch("/__talkoot/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();</script>
    """

    static func respond(to path: String, root: URL, basePath: String) async -> HTTPResponse {
        guard path.hasPrefix(basePath) || path + "/" == basePath else {
            return HTTPResponse(statusCode: .found, headers: [.location: basePath])
        }
        var rel = String(path.dropFirst(min(basePath.count, path.count)))
        rel = rel.removingPercentEncoding ?? rel
        if rel.split(separator: "/").contains("..") { return HTTPResponse(statusCode: .forbidden) }
        var url = root.appendingPathComponent(rel)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            // FlyingFox may drop a trailing '/', and every link is root-relative: serve the index.
            url = url.appendingPathComponent("index.html")
        }
        guard var data = FileManager.default.contents(atPath: url.path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found: \(path)\n".utf8))
        }
        let type = mimeType(url.pathExtension)
        if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
            let injected = html.contains("</body>") ? html.replacingOccurrences(of: "</body>", with: reloadScript + "</body>") : html + reloadScript
            data = Data(injected.utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: data)
    }

    static func mimeType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "csv": return "text/csv; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }
}

/// What the handlers and the watcher share: the current build's version and base path.
actor PreviewState {
    var version = 0
    var basePath = "/"
    func built(basePath: String) {
        version += 1
        self.basePath = basePath
    }
}
