/// `sitemap.xml`: every page in every language, with hreflang alternates (content model,
/// "Machine-readable exports").
enum Sitemap {
    static func xml(pages: [PageID], routes: Routes, languages: [String]) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for id in pages {
            for l in languages {
                s += "  <url>\n    <loc>\(HTML.escape(routes.absolute(id.path(routes, l))))</loc>\n"
                if languages.count > 1 {
                    for alt in languages {
                        s += "    <xhtml:link rel=\"alternate\" hreflang=\"\(alt)\" href=\"\(HTML.escape(routes.absolute(id.path(routes, alt))))\"/>\n"
                    }
                }
                s += "  </url>\n"
            }
        }
        s += "</urlset>\n"
        return s
    }
}
