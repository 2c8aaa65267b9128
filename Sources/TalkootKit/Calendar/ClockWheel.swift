/// The annual clock drawn as an inline SVG wheel at build time: twelve month sectors, one ring
/// per kind of item, arcs for periods, today marked, and a title for screen readers. The
/// month-by-month list beside it is the text alternative.
public struct ClockWheel: Sendable {
    public var year: Int
    public var today: Day
    public var items: [ClockItem]
    public var monthNames: [String]
    public var kindLabels: [ClockEntry.Kind: String]
    public var title: String
    public var todayLabel: String

    static let size = 400.0
    static let centre = 200.0

    /// Angle in degrees (0 = up, clockwise) of a day within the year.
    func angle(_ d: Day) -> Double {
        let start = Day(year: year, month: 1, day: 1).dayNumber
        let length = Double(Day.isLeap(year) ? 366 : 365)
        let pos = Double(min(max(d.dayNumber - start, 0), Int(length)))
        return pos / length * 360
    }

    func point(_ angle: Double, _ radius: Double) -> (Double, Double) {
        let rad = (angle - 90) * Double.pi / 180
        return (ClockWheel.centre + radius * cos(rad), ClockWheel.centre + radius * sin(rad))
    }

    static func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    func arc(_ a0: Double, _ a1: Double, _ r: Double) -> String {
        let (x0, y0) = point(a0, r), (x1, y1) = point(max(a1, a0 + 1.2), r)
        let large = (a1 - a0) > 180 ? 1 : 0
        return "M\(ClockWheel.f(x0)) \(ClockWheel.f(y0))A\(ClockWheel.f(r)) \(ClockWheel.f(r)) 0 \(large) 1 \(ClockWheel.f(x1)) \(ClockWheel.f(y1))"
    }

    public func svg() -> String {
        let kinds = ClockEntry.Kind.allCases.filter { kindLabels[$0] != nil }
        var s = "<svg class=\"tk-wheel\" viewBox=\"0 0 400 400\" role=\"img\" aria-labelledby=\"tk-wheel-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"tk-wheel-title\">\(HTML.escape(title))</title>"
        s += "<circle class=\"tk-wheel-face\" cx=\"200\" cy=\"200\" r=\"196\"/>"
        // Month sectors and names.
        for m in 1...12 {
            let a = angle(Day(year: year, month: m, day: 1))
            let (x0, y0) = point(a, 60), (x1, y1) = point(a, 196)
            s += "<line class=\"tk-wheel-month\" x1=\"\(ClockWheel.f(x0))\" y1=\"\(ClockWheel.f(y0))\" x2=\"\(ClockWheel.f(x1))\" y2=\"\(ClockWheel.f(y1))\"/>"
            let mid = a + 15
            let (tx, ty) = point(mid, 178)
            s += "<text class=\"tk-wheel-label\" x=\"\(ClockWheel.f(tx))\" y=\"\(ClockWheel.f(ty))\" text-anchor=\"middle\" dominant-baseline=\"middle\">\(HTML.escape(String(monthNames[m - 1].prefix(3))))</text>"
        }
        // One ring per kind, outermost first.
        let ringWidth = kinds.isEmpty ? 0 : min(18.0, 96.0 / Double(kinds.count))
        for (i, kind) in kinds.enumerated() {
            let r = 160 - Double(i) * ringWidth - ringWidth / 2
            s += "<circle class=\"tk-wheel-ring\" cx=\"200\" cy=\"200\" r=\"\(ClockWheel.f(r))\"/>"
            for item in items where item.kind == kind {
                let a0 = angle(item.start.year < year ? Day(year: year, month: 1, day: 1) : item.start)
                let a1 = angle(item.end.year > year ? Day(year: year, month: 12, day: 31) : item.end.adding(days: 1))
                s += "<path class=\"tk-wheel-item tk-kind-\(kind.rawValue)\" d=\"\(arc(a0, a1, r))\" stroke-width=\"\(ClockWheel.f(ringWidth - 3))\">"
                s += "<title>\(HTML.escape(item.title))</title></path>"
            }
        }
        s += "<text class=\"tk-wheel-year\" x=\"200\" y=\"200\" text-anchor=\"middle\" dominant-baseline=\"middle\">\(year)</text>"
        if today.year == year {
            let a = angle(today)
            let (x0, y0) = point(a, 50), (x1, y1) = point(a, 196)
            s += "<line class=\"tk-wheel-today\" x1=\"\(ClockWheel.f(x0))\" y1=\"\(ClockWheel.f(y0))\" x2=\"\(ClockWheel.f(x1))\" y2=\"\(ClockWheel.f(y1))\"><title>\(HTML.escape(todayLabel)) \(today.nordic)</title></line>"
        }
        s += "</svg>"
        return s
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
