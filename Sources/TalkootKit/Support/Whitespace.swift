import Foundation

/// `trimmingCharacters(in: .whitespaces)`, returning at once when the text starts and ends
/// with a visible ASCII character (nearly every line of content), which skips Foundation's
/// NSString round trip.
private func needsTrim(_ first: UInt8?, _ last: UInt8?) -> Bool {
    guard let f = first, let l = last else { return false }
    return f >= 0x80 || l >= 0x80 || f == 32 || f == 9 || l == 32 || l == 9
}

extension String {
    func trimmingWhitespace() -> String {
        needsTrim(utf8.first, utf8.last) ? trimmingCharacters(in: .whitespaces) : self
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        needsTrim(utf8.first, utf8.last) ? trimmingCharacters(in: .whitespaces) : String(self)
    }
}
