/// A calendar date without time or zone: what the content means by `2027-03-18`.
///
/// Day arithmetic uses the proleptic Gregorian day number, so builds never depend on the
/// machine's time zone or locale.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ASCII digits only); nil when the shape is wrong or the date does not
    /// exist. Read from the bytes: every association has dates, and splitting the text into
    /// substrings was 2% of `check`.
    public static func parse(_ text: String) -> Day? {
        return text.withUTF8Bytes { u in
            guard u.count == 10, u[4] == 45, u[7] == 45,
                  let y = number(u, 0, 4), let m = number(u, 5, 2), let d = number(u, 8, 2) else { return nil }
            let day = Day(year: y, month: m, day: d)
            return day.isValid ? day : nil
        }
    }

    /// The decimal number in `count` bytes from `start`, or nil unless they are all ASCII digits.
    static func number(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var n = 0
        for i in start..<start + count {
            let digit = Int(u[i]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            n = n * 10 + digit
        }
        return n
    }

    /// True for the shape `NNNN-NN-NN`, valid or not (to tell "impossible date" from "not a date").
    static func looksLikeISO(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
        return u.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (48...57).contains(c) }
    }

    public var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= Day.daysIn(month: month, year: year)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days) }
    public func days(until other: Day) -> Int { other.dayNumber - dayNumber }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// From a Unix time (SOURCE_DATE_EPOCH), in UTC.
    public init(unixTime: Int) { self.init(dayNumber: unixTime >= 0 ? unixTime / 86400 : (unixTime - 86399) / 86400) }

    /// `2027-03-18`. Digits written into ten bytes: with padded strings interpolated it cost
    /// 2,400 instructions, and every association page and export record shows its date.
    public var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            func pad(_ n: Int, _ w: Int) -> String {
                let s = String(n)
                return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        let digit = Day.digit
        return String(unsafeUninitializedCapacity: 10) { b in
            (b[0], b[1], b[2], b[3], b[4]) = (digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), 0x2D)
            (b[5], b[6], b[7], b[8], b[9]) = (digit(month / 10), digit(month), 0x2D, digit(day / 10), digit(day))
            return 10
        }
    }
    public var description: String { iso }
    /// Finnish and Swedish short form: 18.3.2027.
    public var nordic: String {
        // Digits written into one small string, as `iso` does: the three numbers made into
        // strings and joined cost more than the rest of an association page's dates together.
        guard (0...99).contains(day), (0...99).contains(month), (0...99_999).contains(year) else {
            return String(day) + "." + String(month) + "." + String(year)
        }
        return String(unsafeUninitializedCapacity: 11) { b in
            var n = 0
            func number(_ value: Int) {
                if value >= 10 { number(value / 10) }
                b[n] = Day.digit(value)
                n += 1
            }
            number(day)
            b[n] = 0x2E
            n += 1
            number(month)
            b[n] = 0x2E
            n += 1
            number(year)
            return n
        }
    }

    /// The ASCII digit of `n`'s last decimal place.
    private static func digit(_ n: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + n % 10) }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// A month and day that repeat every year: `"03-18"` in content.
public struct MonthDay: Sendable, Hashable, Comparable, Codable {
    public var month: Int
    public var day: Int
    public init(month: Int, day: Int) { self.month = month; self.day = day }

    /// Parses `MM-DD` (ASCII digits only); nil when the shape is wrong or the day is not in every year.
    public static func parse(_ text: String) -> MonthDay? {
        return text.withUTF8Bytes { u in
            guard u.count == 5, u[2] == 45, let m = Day.number(u, 0, 2), let d = Day.number(u, 3, 2) else { return nil }
            // 02-29 does not exist every year, so a yearly date may not use it.
            guard m >= 1, m <= 12, d >= 1, d <= Day.daysIn(month: m, year: 2027) else { return nil }
            return MonthDay(month: m, day: d)
        }
    }

    static func looksLikeMonthDay(_ text: String) -> Bool {
        let u = Array(text.utf8)
        return u.count == 5 && u[2] == 45 && [0, 1, 3, 4].allSatisfy { (48...57).contains(u[$0]) }
    }

    public func inYear(_ year: Int) -> Day { Day(year: year, month: month, day: day) }
    public var text: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }
    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}

/// A date in content: once (`2027-03-18`) or every year (`"03-18"`).
public enum DateSpec: Sendable, Hashable {
    case once(Day)
    case yearly(MonthDay)

    public var isYearly: Bool { if case .yearly = self { return true } else { return false } }

    /// The date this spec falls on in `year` (a one-off date ignores the year).
    public func occurrence(in year: Int) -> Day {
        switch self {
        case let .once(d): return d
        case let .yearly(md): return md.inYear(year)
        }
    }
    public var text: String {
        switch self {
        case let .once(d): return d.iso
        case let .yearly(md): return md.text
        }
    }
}
