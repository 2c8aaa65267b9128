/// "Did you mean" hints: the closest allowed word by edit distance.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(lowered, c.lowercased())
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        // Accept a suggestion only when it is plausibly a typo.
        if d <= max(2, (c.count + 1) / 2 - 1) { return c }
        // Or when the word is one half of exactly one compound id: `urheilu` → `liikunta-urheilu`.
        let parts = candidates.filter { $0.lowercased().split(separator: "-").contains { $0 == lowered } }
        return parts.count == 1 ? parts[0] : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// "did you mean `x`?" or the list of allowed words.
    static func hint(for word: String, allowed: [String]) -> String {
        if let c = closest(to: word, in: allowed) { return "did you mean '\(c)'? Allowed: \(allowed.joined(separator: ", "))" }
        return "allowed: \(allowed.joined(separator: ", "))"
    }
}
