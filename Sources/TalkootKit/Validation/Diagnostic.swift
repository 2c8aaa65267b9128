/// One finding about the content: where it is, how bad it is, and what to do.
///
/// Diagnostics are values: the library collects them and the CLI prints them.
/// `file` is relative to the content folder's parent (e.g. `content/associations/martat.md`)
/// so that editors and CI annotations can open it.
public struct Diagnostic: Sendable, Equatable, Hashable, Comparable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// Dotted path of the field, e.g. `contact_person.email`; empty for file-level findings.
    public var field: String
    public var message: String
    public var hint: String?

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error,
                field: String = "", message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// By file, line, column and message. Field by field rather than as tuples: a tuple of the
    /// four copies two strings per side, and sorting a big site's warnings compares them 30,000 times.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.message < b.message
    }
}

/// Collects diagnostics while a stage runs. A plain value: pass it `inout`.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted and without repeats (a field shared by two language versions is reported once).
    /// Findings at the same place with the same message stay in the order they were found
    /// (the sort is stable), so that the output does not change from run to run.
    public var sorted: [Diagnostic] {
        var out: [Diagnostic] = []
        out.reserveCapacity(items.count)
        // Repeats sort next to each other, among the findings with the same sort key.
        var sameKeyFrom = 0
        for d in items.sorted() {
            if sameKeyFrom < out.count && !(out[sameKeyFrom] < d) {
                if out[sameKeyFrom...].contains(d) { continue }
            } else {
                sameKeyFrom = out.count
            }
            out.append(d)
        }
        return out
    }
}
