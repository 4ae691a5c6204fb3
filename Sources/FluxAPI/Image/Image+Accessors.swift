import GoCompat

extension ImageRepository {
    /// `spec.exclusionList` when unset: signature tags.
    public static let defaultExclusionList = [#"^.*\.sig$"#]

    /// `GetTimeout()`: `spec.timeout`, else `spec.interval`; never below one second.
    public var timeout: GoDuration {
        let interval = FluxDuration.parse(spec.interval, default: .zero)
        let value = FluxDuration.parse(spec.timeout, default: interval)
        return value < .second ? .second : value
    }

    /// `GetExclusionList()`: `spec.exclusionList` when non-empty, else `defaultExclusionList`.
    public var exclusionList: [String] {
        guard let list = spec.exclusionList, !list.isEmpty else { return Self.defaultExclusionList }
        return list
    }

    /// `GetProvider()`: `spec.provider`, else `generic`.
    public var provider: CloudProvider { spec.provider ?? .generic }

    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }
}

extension ImageUpdateAutomation {
    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }
}
