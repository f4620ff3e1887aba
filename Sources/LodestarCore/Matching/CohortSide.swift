import Foundation

/// One side of a cohort (mentees or mentors) prepared for scoring millions of pairs: every
/// feature in a flat array indexed by participant, sets as 64-bit words, availability moved to
/// UTC quarter-hours, and each person's place in the manager tree.
struct CohortSide: Sendable {
    let enrolments: [Enrolment]
    let people: [Person]
    var count: Int { enrolments.count }

    let personIndex: [Int32]
    let level: [Int32]
    let department: [Int32]
    /// -1 when no location is known.
    let location: [Int32]
    let meetingMode: [MeetingMode]
    /// -1 when not given.
    let style: [Int8]
    let learning: [Int8]
    let capacity: [Int32]
    /// Depth-first walk positions: A manages B when `entry[A] < entry[B] < exit[A]`.
    let entry: [Int32]
    let exit: [Int32]
    /// `words` 64-bit words per participant for each set.
    let interests: WordSets
    let languages: WordSets
    let availability: WordSets
    /// Mentors: proficiency 0–5, competency by competency (`count` per competency, so a goal's
    /// fit against every mentor reads one run of memory).
    let proficiency: [UInt8]
    let competencyCount: Int
    /// Mentees: goals `goalStart[i] ..< goalStart[i + 1]`, weight 3 for priority 1 down to 1.
    let goalStart: [Int32]
    let goalCompetency: [Int32]
    let goalWeight: [Double]
}

/// Fixed-width bit sets for many participants, stored back to back.
struct WordSets: Sendable {
    let words: Int
    var storage: [UInt64]
    var counts: [Int32]

    init(count: Int, bits: Int) {
        words = max(1, (bits + 63) / 64)
        storage = [UInt64](repeating: 0, count: count * words)
        counts = [Int32](repeating: 0, count: count)
    }

    mutating func insert(_ bit: Int, for index: Int) {
        let slot = index * words + bit >> 6, mask = UInt64(1) << UInt64(bit & 63)
        if storage[slot] & mask == 0 { storage[slot] |= mask; counts[index] += 1 }
    }

    /// The words of participant `a` with any bit set: a sparse set (a few hours a week in 168)
    /// is compared on those alone.
    func occupiedWords(of a: Int) -> [Int] {
        (0..<words).filter { storage[a * words + $0] != 0 }
    }

    /// `common(a, other, b)` over `occupied`, the words `occupiedWords(of: a)` named.
    @inline(__always) func common(_ a: Int, _ other: WordSets, _ b: Int, occupied: [Int]) -> Int {
        var total = 0
        let x = a * words, y = b * other.words
        for word in occupied where word < other.words { total += (storage[x + word] & other.storage[y + word]).nonzeroBitCount }
        return total
    }

    /// How many bits `a` of this set and `b` of `other` share.
    @inline(__always) func common(_ a: Int, _ other: WordSets, _ b: Int) -> Int {
        var total = 0
        let x = a * words, y = b * other.words
        for word in 0..<min(words, other.words) { total += (storage[x + word] & other.storage[y + word]).nonzeroBitCount }
        return total
    }
}

