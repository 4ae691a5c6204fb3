import GoTemplate

extension Sprig {
    static let crypto: [GoFunction] = []
    static let certificates: [GoFunction] = []
}
