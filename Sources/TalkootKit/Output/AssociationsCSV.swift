import Foundation

/// `data/associations.csv` (content model, "Machine-readable exports"): the same records as
/// `data/associations.json`, one row an association, with a header row.
///
/// Format (documented in `docs/open-data.md`): UTF-8 with a byte order mark (so spreadsheet
/// programs detect the encoding), comma-separated, CRLF line ends, fields quoted per RFC 4180
/// when they hold a comma, a quote, a line break or leading/trailing space. Lists are joined with
/// `"; "`; objects (`social`, `activities`, `extra`) are compact JSON. A cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so no spreadsheet reads it
/// as a formula (the JSON keeps the value untouched).
enum AssociationsCSV {
    static let path = "data/associations.csv"

    /// Column names, in the order of `AssociationRecord.cells`.
    static let columns = [
        "slug", "url", "name", "summary", "sectors", "area", "register_number", "founded", "website", "email", "phone",
        "contact_person_name", "contact_person_role", "contact_person_phone", "contact_person_email",
        "social", "target_groups", "languages", "meets_at", "activities", "membership", "volunteers_wanted",
        "volunteer_tasks", "logo", "updated", "extra", "description_html",
    ]

    /// The rows of one block of records, after the header in the first block. Rows are built
    /// on all cores (AssociationRecord.all); the file is them in order.
    static func pieces(_ records: [AssociationRecord], first: Bool) -> [[UInt8]] {
        guard first else { return records.map(\.csv) }
        var header = ByteBuffer(capacity: 512)
        header.append([0xEF, 0xBB, 0xBF])
        row(columns, into: &header)
        return [header.array] + records.map(\.csv)
    }

    /// `last`: a final cell given as UTF-8 bytes (the description's HTML). Written into a
    /// `ByteBuffer`: a row is some thirty cells, most short, and an array's `append` cost about
    /// a hundred instructions a call before copying anything.
    static func row(_ cells: [String], last: [UInt8]? = nil, into out: inout ByteBuffer) {
        row(cells.map(Cell.text), last: last, into: &out)
    }

    /// A cell's value: text, or UTF-8 bytes (the compact JSON of a nested value).
    enum Cell {
        case text(String)
        case bytes([UInt8])
    }

    static func row(_ cells: [Cell], last: [UInt8]? = nil, into out: inout ByteBuffer) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            switch cell {
            case let .text(s): s.withUTF8Bytes { append($0, to: &out) }
            case let .bytes(b): b.withUnsafeBufferPointer { append($0, to: &out) }
            }
        }
        if let last {
            if !cells.isEmpty { out.append(UInt8(ascii: ",")) }
            last.withUnsafeBufferPointer { append($0, to: &out) }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// One cell as text (for tests and messages).
    static func field(_ value: String) -> String {
        var out = ByteBuffer(capacity: value.utf8.count + 8)
        value.withUTF8Bytes { append($0, to: &out) }
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// One cell: neutralised against formula injection, then quoted when needed (RFC 4180).
    static func append(_ u: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        let quote = UInt8(ascii: "\"")
        let formula: Bool
        if let first = u.first {
            formula = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        } else {
            formula = false
        }
        // With memchr, byte by byte: a description cell is a whole body's HTML, and a closure
        // per byte cost eight instructions a byte.
        let n = u.count
        let firstQuote = u.index(of: quote, from: 0)
        let needsQuotes = firstQuote < n || u.first == 0x20 || u.last == 0x20 || u.index(of: UInt8(ascii: ","), from: 0) < n
            || u.index(of: 0x0A, from: 0) < n || u.index(of: 0x0D, from: 0) < n
        if needsQuotes { out.append(quote) }
        if formula { out.append(UInt8(ascii: "'")) }
        if needsQuotes {
            var run = 0
            var i = firstQuote
            while i < n {
                out.append(UnsafeBufferPointer(rebasing: u[run...i]))
                out.append(quote)
                run = i + 1
                i = u.index(of: quote, from: run)
            }
            if run < n { out.append(UnsafeBufferPointer(rebasing: u[run...])) }
            out.append(quote)
        } else {
            out.append(u)
        }
    }
}
