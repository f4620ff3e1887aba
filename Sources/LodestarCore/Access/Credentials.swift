/// The cryptography accounts need, behind one seam: password hashes (bcrypt), digests of
/// random tokens, and the random tokens themselves. The server supplies the implementation.
public protocol Credentials: Sendable {
    /// A salted, slow hash of a password.
    func hash(password: String) -> String
    /// True when `password` matches `hash`.
    func verify(password: String, against hash: String) -> Bool
    /// A fast digest of a high-entropy token, to store and look tokens up by.
    func digest(token: String) -> String
    /// A new unguessable token, safe in URLs and cookies.
    func newToken() -> String
}
