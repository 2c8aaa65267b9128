/// `sitemap.xml`: every page in every language, with hreflang alternates (content model,
/// "Machine-readable exports").
///
/// Each page is listed once per language; every listing names all language versions as
/// `xhtml:link rel="alternate"` (itself included, as search engines require) plus `x-default`
/// for the default language, matching the `<link rel="alternate">` elements of the pages.
enum Sitemap {
    static func xml(pages: [PageID], routes: Routes, languages: [String]) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        s.reserveCapacity(pages.count * languages.count * (120 + 110 * languages.count))
        // Appended piece by piece into `s`: the 10,000-association sitemap is 12 MB, and building
        // each line as a string of its own first cost as much again.
        var alternates = ""
        for id in pages {
            let urls = languages.map { AtomFeed.escape(routes.absolute(id.path(routes, $0))) }
            alternates.removeAll(keepingCapacity: true)
            if languages.count > 1 {
                for (alt, url) in zip(languages, urls) {
                    alternates += "    <xhtml:link rel=\"alternate\" hreflang=\""
                    alternates += alt
                    alternates += "\" href=\""
                    alternates += url
                    alternates += "\"/>\n"
                }
                alternates += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\""
                alternates += urls[0]  // the default language is the first
                alternates += "\"/>\n"
            }
            for url in urls {
                s += "  <url>\n    <loc>"
                s += url
                s += "</loc>\n"
                s += alternates
                s += "  </url>\n"
            }
        }
        s += "</urlset>\n"
        return s
    }
}
