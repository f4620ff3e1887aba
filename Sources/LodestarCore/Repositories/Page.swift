/// Which slice of a long list to return.
public struct PageRequest: Sendable, Equatable {
    public let offset: Int
    public let limit: Int
    /// The largest page any list returns.
    public static let maximumLimit = 500
    /// The largest offset accepted: beyond any list Lodestar holds, and far from where
    /// `offset + limit` could overflow.
    public static let maximumOffset = 1_000_000_000

    /// Creates a request, or says which parameter is out of range.
    public init(offset: Int = 0, limit: Int = 50) throws(ValidationError) {
        var issues: [FieldIssue] = []
        if !(0...Self.maximumOffset).contains(offset) {
            issues.append(FieldIssue(field: "offset", message: "must be from 0 to \(Self.maximumOffset), not \(offset)"))
        }
        if !(1...Self.maximumLimit).contains(limit) {
            issues.append(FieldIssue(field: "limit", message: "must be between 1 and \(Self.maximumLimit), not \(limit)"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        self.init(checkedOffset: offset, limit: limit)
    }

    private init(checkedOffset offset: Int, limit: Int) {
        self.offset = offset
        self.limit = limit
    }

    /// The first page of the usual size.
    public static let first = PageRequest(checkedOffset: 0, limit: 50)

    /// The first `maximumLimit` items, for exports and small lists.
    public static let everything = PageRequest(checkedOffset: 0, limit: maximumLimit)

    /// The positions of this page's items (bounded, so it cannot overflow).
    public var range: Range<Int> { offset..<(offset + limit) }
}

/// One slice of a list and the size of the whole list.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
    public let offset: Int
    public let limit: Int

    /// Creates a page.
    public init(items: [Item], total: Int, request: PageRequest) {
        self.items = items
        self.total = total
        self.offset = request.offset
        self.limit = request.limit
    }

    /// The requested slice of a whole list already in memory.
    public init(slicing all: [Item], _ request: PageRequest) {
        self.init(items: Array(all.dropFirst(request.offset).prefix(request.limit)), total: all.count, request: request)
    }

    /// Transforms the items, keeping the paging.
    public func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), total: total, offset: offset, limit: limit)
    }

    private init(items: [Item], total: Int, offset: Int, limit: Int) {
        self.items = items
        self.total = total
        self.offset = offset
        self.limit = limit
    }
}
