import Foundation

/// One file of the built site: where it goes (relative to the site root) and what it holds.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        case text(String)
        case data(Data)
        /// Copied from a file (theme assets, images).
        case copy(URL)
    }
    public var path: String
    public var body: Body

    public init(path: String, text: String) { self.path = path; body = .text(text) }
    public init(path: String, copyOf url: URL) { self.path = path; body = .copy(url) }
    public init(path: String, data: Data) { self.path = path; body = .data(data) }
}
