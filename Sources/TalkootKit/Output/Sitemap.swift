/// `sitemap.xml`: every page in every language, with hreflang alternates (content model,
/// "Machine-readable exports").
///
/// Each page is listed once per language; every listing names all language versions as
/// `xhtml:link rel="alternate"` (itself included, as search engines require) plus `x-default`
/// for the default language, matching the `<link rel="alternate">` elements of the pages.
enum Sitemap {
    /// As UTF-8 bytes, written piece by piece into one buffer: the 10,000-association sitemap
    /// is 12 MB, and building each line as a string of its own first cost as much again (and
    /// appending to a String costs a uniqueness and capacity check through its storage each time).
    static func xml(pages: [PageID], routes: Routes, languages: [String]) -> [UInt8] {
        // A listing is its address once per language plus the x-default (a little over the base
        // URL and 60 bytes each) and some 200 bytes of markup: a generous guess, so that the
        // 12 MB of a big site are written where they stay.
        let perListing = 200 + (languages.count + 2) * (routes.absolute("").utf8.count + 64)
        return ByteBuffer.array(capacity: pages.count * languages.count * perListing + 256) { out in
            write(pages: pages, routes: routes, languages: languages, into: &out)
        }
    }

    private static func write(pages: [PageID], routes: Routes, languages: [String], into out: inout ByteBuffer) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
        var alternates = ByteBuffer(capacity: 1024)
        for id in pages {
            let urls = languages.map { AtomFeed.escape(routes.absolute(id.path(routes, $0))) }
            alternates.removeAll()
            if languages.count > 1 {
                for (language, url) in zip(languages, urls) {
                    alternates.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
                    alternates.append(language)
                    alternates.append("\" href=\"")
                    alternates.append(url)
                    alternates.append("\"/>\n")
                }
                alternates.append("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"")
                alternates.append(urls[0])  // the default language is the first
                alternates.append("\"/>\n")
            }
            for url in urls {
                out.append("  <url>\n    <loc>")
                out.append(url)
                out.append("</loc>\n")
                alternates.withBytes { out.append($0) }
                out.append("  </url>\n")
            }
        }
        out.append("</urlset>\n")
    }
}
