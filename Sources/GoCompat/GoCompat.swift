/// GoCompat: Go standard-library semantics that several SwiftFlux modules must reproduce exactly
/// (strconv number formatting and quoting, `time.Duration`, time layouts). Pure, no I/O.
public enum GoCompat {}
