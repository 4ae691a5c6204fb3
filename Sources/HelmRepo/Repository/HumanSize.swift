import GoCompat

/// docker/go-units `HumanSize`: decimal units (`B`, `kB`, `MB`, …) with four significant
/// digits, as source-controller writes it in "stored fetched index of size 30.88kB from '…'".
public enum HumanSize {
    static let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]

    public static func string(_ bytes: Int64) -> String {
        var size = Double(bytes)
        var index = 0
        while size >= 1000, index < units.count - 1 {
            size /= 1000
            index += 1
        }
        return GoFloat.format(size, "g", precision: 4) + units[index]
    }

    /// The HelmRepository `NewArtifact` event: "stored fetched index of size <size> from '<url>'"
    /// ("unknown size" when the size is not known).
    public static func fetchedIndexMessage(size: Int64?, url: String) -> String {
        let human = size.map { "size " + string($0) } ?? "unknown size"
        return "stored fetched index of \(human) from '\(url)'"
    }
}
