/// `feed.xml` per language (content model, "Machine-readable exports"): the news as an Atom
/// feed (RFC 4287), newest first, at the language prefix (`feed.xml`, `sv/feed.xml`).
///
/// Ids are the absolute page URLs of the news items (stable while the slugs are). Times are
/// midnight in Helsinki on the news date; the feed's `updated` is the newest item's date (the
/// build date when there is no news), so rebuilding the same content gives the same bytes.
/// A news item without a translation is in the feed in the default language, marked with its
/// own `xml:lang`, as on the site.
enum AtomFeed {
    static let fileName = "feed.xml"

    static func path(_ routes: Routes, _ language: String) -> String { routes.prefix(language) + fileName }

    static func files(_ env: RenderEnvironment) -> [OutputFile] {
        env.site.config.languages.parallelMap(minimumCount: 2) { file(env, language: $0) }
    }

    /// The feed of one language.
    static func file(_ env: RenderEnvironment, language: String) -> OutputFile {
        // Images in the feed point at absolute URLs: feed readers show the content off the site.
        let markdown = MarkdownRenderer(basePath: env.site.config.baseURL)
        return OutputFile(path: path(env.routes, language), text: xml(env, language: language, markdown: markdown))
    }

    /// `2026-09-01T00:00:00+03:00`
    static func timestamp(_ d: Day) -> String {
        let midnight = TimeText.Time(hour: 0, minute: 0)
        return d.iso + "T" + midnight.iso + TimeText.helsinkiOffset(d, midnight)
    }

    static func xml(_ env: RenderEnvironment, language: String, markdown: MarkdownRenderer) -> String {
        let site = env.site
        let cfg = site.config
        let routes = env.routes
        let news = site.news.sorted { ($0.primary.date, $1.slug) > ($1.primary.date, $0.slug) }
        let updated = news.first?.primary.date ?? site.today
        let selfURL = routes.absolute(path(routes, language))
        let title = "\(env.t("news", language)) – \(cfg.title.text(language)) – \(cfg.municipality.text(language))"

        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        s += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(language))\">\n"
        s += "  <id>\(escape(selfURL))</id>\n"
        s += "  <title>\(escape(title))</title>\n"
        s += "  <subtitle>\(escape(env.t("sectionsNews", language)))</subtitle>\n"
        s += "  <updated>\(timestamp(updated))</updated>\n"
        s += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(selfURL))\"/>\n"
        s += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(routes.absolute(routes.section(.news, language))))\"/>\n"
        s += "  <author><name>\(escape(cfg.municipality.text(language)))</name><email>\(escape(cfg.contactEmail))</email></author>\n"
        s += "  <generator>Talkoot</generator>\n"
        for item in news {
            let n = item.version(language)
            let url = routes.absolute(routes.item(.news, item.slug, language))
            let lang = item.isFallback(language) ? item.defaultLanguage : language
            s += "  <entry xml:lang=\"\(escape(lang))\">\n"
            s += "    <id>\(escape(url))</id>\n"
            s += "    <title>\(escape(n.title))</title>\n"
            s += "    <published>\(timestamp(n.date))</published>\n"
            s += "    <updated>\(timestamp(n.date))</updated>\n"
            s += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(url))\"/>\n"
            let summary = n.summary ?? MarkdownRenderer.plainText(n.body.source)
            if !summary.isEmpty { s += "    <summary>\(escape(summary))</summary>\n" }
            // Relative links in the body are relative to the news page.
            s += "    <content type=\"html\" xml:base=\"\(escape(url))\">\(escape(markdown.html(n.body.source)))</content>\n"
            s += "  </entry>\n"
        }
        s += "</feed>\n"
        return s
    }

    /// XML text escaping; characters XML 1.0 does not allow are dropped.
    static func escape(_ s: String) -> String {
        // Most text (every URL of the sitemap) has nothing to escape or drop: return it as is.
        // 0xEF starts U+FFFE and U+FFFF, which XML does not allow.
        if s.withUTF8Bytes(needsNothing) { return s }
        // On the UTF-8 bytes: everything escaped or dropped is ASCII or the three bytes of
        // U+FFFE/U+FFFF, and a news body (HTML, in every feed) walked by Unicode scalars cost
        // about fifty instructions a character.
        return s.withUTF8Bytes { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + u.count / 8)
            var i = 0
            while i < u.count {
                let b = u[i]
                switch b {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x09, 0x0A, 0x0D: out.append(b)
                case 0x00..<0x20: break
                case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                    i += 3
                    continue
                default: out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `u` has none of the bytes `escape` changes: controls, `& < > "` and 0xEF.
    /// Sixteen bytes at a time: the sitemap asks this of every address of every page, and the
    /// byte-by-byte predicate took about eighteen instructions a byte.
    static func needsNothing(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 16 <= u.count {
            let v = VectorBytes.load(u, at: i)
            let found = VectorBytes.control(v) .| VectorBytes.equal(v, 0x26) .| VectorBytes.equal(v, 0x3C)
                .| VectorBytes.equal(v, 0x3E) .| VectorBytes.equal(v, 0x22) .| VectorBytes.equal(v, 0xEF)
            if VectorBytes.any(found) { return false }
            i += 16
        }
        while i < u.count {
            switch u[i] {
            case 0x00..<0x20, 0x26, 0x3C, 0x3E, 0x22, 0xEF: return false
            default: i += 1
            }
        }
        return true
    }
}
