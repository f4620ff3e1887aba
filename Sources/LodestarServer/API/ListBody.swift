import LodestarCore

/// A page of a list as JSON: the items, the total count and the slice.
struct ListBody<Item: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    let items: [Item]
    let total: Int
    let offset: Int
    let limit: Int

    init<Stored>(_ page: Page<Stored>, _ transform: (Stored) -> Item) {
        self.init(items: page.items.map(transform), of: page)
    }

    /// Items built separately (e.g. asynchronously) for a stored page.
    init<Stored>(items: [Item], of page: Page<Stored>) {
        self.items = items
        total = page.total
        offset = page.offset
        limit = page.limit
    }
}
