import Foundation

/// A theme: Mustache templates, UI strings per language and static assets.
///
/// A municipality's theme folder overrides single templates, strings or assets of `default`
/// and falls back to `default` for the rest (Zola-style split of templates from content).
public struct Theme: Sendable {
    public var name: String
    public var library: TemplateLibrary
    /// language → key → text
    public var strings: [String: [String: String]]
    /// Site-relative output path (under `assets/`) → source file.
    public var assets: [String: URL]

    /// Loads `themes/<name>` over `themes/default`; diagnostics for template syntax errors.
    public static func load(themesDirectory: URL, name: String, displayRoot: String = "themes") -> (Theme?, [Diagnostic]) {
        var log = DiagnosticLog()
        let fm = FileManager.default
        var chain = ["default"]
        if name != "default" { chain.append(name) }
        var templates: [String: (String, String)] = [:]   // name → (text, display path)
        var strings: [String: [String: String]] = [:]
        var assets: [String: URL] = [:]
        for themeName in chain {
            let root = themesDirectory.appendingPathComponent(themeName)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
                log.append(Diagnostic(file: "\(displayRoot)/\(themeName)", message: "theme '\(themeName)' does not exist",
                                      hint: "themes live in \(displayRoot)/; the default theme ships with Talkoot"))
                continue
            }
            for (rel, url) in files(under: root.appendingPathComponent("templates")) where rel.hasSuffix(".mustache") {
                let key = String(rel.dropLast(".mustache".count))
                if let text = try? String(contentsOf: url, encoding: .utf8) {
                    templates[key] = (text, "\(displayRoot)/\(themeName)/templates/\(rel)")
                }
            }
            for (rel, url) in files(under: root.appendingPathComponent("strings")) where rel.hasSuffix(".yml") {
                let lang = String(rel.dropLast(4))
                let display = "\(displayRoot)/\(themeName)/strings/\(rel)"
                guard let text = try? String(contentsOf: url, encoding: .utf8),
                      let value = YAMLReader.parse(FrontMatterFile.normalise(text), file: display, lineOffset: 0, log: &log),
                      case let .mapping(entries) = value.kind else { continue }
                for e in entries {
                    if let s = e.value.scalarText { strings[lang, default: [:]][e.key] = s }
                }
            }
            for (rel, url) in files(under: root.appendingPathComponent("assets")) {
                assets["assets/" + rel] = url
            }
        }
        var library = TemplateLibrary()
        var parsed: [(name: String, template: Template)] = []
        for (key, (text, display)) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                parsed.append((key, try Template(text)))
            } catch {
                log.append(Diagnostic(file: display, line: error.line, column: error.column,
                                      message: "template syntax error: \(error.message)"))
            }
        }
        library.register(parsed)
        for key in library.names {
            for partial in library.missingPartials(in: key) {
                log.append(Diagnostic(file: templates[key]?.1 ?? key, severity: .warning,
                                      message: "template '\(key)' includes the partial '\(partial)', which no theme has: it renders as nothing",
                                      hint: "add templates/\(partial).mustache to the theme, or fix the name"))
            }
        }
        for required in ["layout", "home"] where templates[required] == nil {
            log.append(Diagnostic(file: "\(displayRoot)/default/templates", message: "template '\(required).mustache' is missing"))
        }
        if log.hasErrors { return (nil, log.items) }
        return (Theme(name: name, library: library, strings: strings, assets: assets), log.items)
    }

    static func files(under root: URL) -> [(String, URL)] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [(String, URL)] = []
        while let rel = e.nextObject() as? String {
            let url = root.appendingPathComponent(rel)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
               !rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                out.append((rel, url))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// UI strings for a language, falling back to English, then Finnish, key by key.
    public func strings(for language: String) -> [String: String] {
        var merged = strings["fi"] ?? [:]
        merged.merge(strings["en"] ?? [:]) { $1 }
        merged.merge(strings[language] ?? [:]) { $1 }
        return merged
    }

    public func render(_ context: TemplateObject, template: String) -> String? {
        library.render(context, withTemplate: template)
    }
}
