import StructuredData

enum ReplacementEngine {
    static func apply(_ r: Replacements.Replacement, _ m: inout ResMap) throws(KustomizeError) {
        throw KustomizeError(.invalid, "replacements are not supported yet")
    }
}
