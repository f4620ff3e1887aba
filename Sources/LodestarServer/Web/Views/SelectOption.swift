/// One option of a select or a group of radio buttons on a page: what the form sends, what the
/// person reads, and whether it is the current one.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}
