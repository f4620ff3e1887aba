import LodestarStore
import LodestarCore
print("open")
let c = try StoreConnection(location: .sqliteMemory)
print("migrate")
try await c.migrate()
print("count")
print(try await c.store.allPeople().count)
await c.shutdown()
print("done")
