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

    static func file(_ records: [AssociationRecord]) -> OutputFile {
        var out = "\u{FEFF}"
        out.reserveCapacity(records.count * 1024)
        row(columns, into: &out)
        for r in records { row(r.cells, into: &out) }
        return OutputFile(path: path, text: out)
    }

    static func row(_ cells: [String], into out: inout String) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            out += field(cell)
        }
        out += "\r\n"
    }

    /// One cell: neutralised against formula injection, then quoted when needed.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D {
            v = "'" + v
        }
        let needsQuotes = v.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || v.utf8.first == 0x20 || v.utf8.last == 0x20
        guard needsQuotes else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
