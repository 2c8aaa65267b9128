/// `sitemap.xml`: every page in every language, with hreflang alternates (content model,
/// "Machine-readable exports").
///
/// Each page is listed once per language; every listing names all language versions as
/// `xhtml:link rel="alternate"` (itself included, as search engines require) plus `x-default`
/// for the default language, matching the `<link rel="alternate">` elements of the pages.
enum Sitemap {
    /// The listings of `pages` (a run of the site's pages), with the document's start when
    /// `first` and its end when `last`: a big site's sitemap is written in parts, rendered side
    /// by side and appended in order, since made whole it kept one core busy for 40 ms at the
    /// end of a 10,000-association build while the other waited for it.
    ///
    /// As UTF-8 bytes, written piece by piece into one buffer: the 10,000-association sitemap
    /// is 12 MB, and building each line as a string of its own first cost as much again (and
    /// appending to a String costs a uniqueness and capacity check through its storage each time).
    static func part(_ pages: ArraySlice<PageID>, routes: Routes, languages: [String], first: Bool, last: Bool) -> [UInt8] {
        // A listing is its address once per language plus the x-default (a little over the base
        // URL and 60 bytes each) and some 200 bytes of markup: a generous guess, so that the
        // 12 MB of a big site are written where they stay.
        let perListing = 200 + (languages.count + 2) * (routes.absolute("").utf8.count + 64)
        return ByteBuffer.array(capacity: pages.count * languages.count * perListing + 256) { out in
            if first {
                out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                out.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
            }
            write(pages: pages, routes: routes, languages: languages, into: &out)
            if last { out.append("</urlset>\n") }
        }
    }

    private static func write(pages: ArraySlice<PageID>, routes: Routes, languages: [String], into out: inout ByteBuffer) {
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
    }
}
