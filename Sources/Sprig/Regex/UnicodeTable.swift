import Foundation

/// A Unicode class named in `\p{…}`: Go's `unicode.Categories` and `unicode.Scripts`, plus `Any`.
/// Categories come from the scalar properties of the Swift runtime; scripts from its regex
/// engine's script property. Go 1.20's tables are Unicode 13; the runtime's are newer, so
/// characters assigned since then may differ.
enum UnicodeTable: Sendable {
    case any
    case categories(Set<String>)
    case script(String)

    /// Go's table named `name`, or nil when Go has none (an `invalid character class range`).
    init?(name: String) {
        if name == "Any" { self = .any; return }
        if let members = Self.categoryGroups[name] { self = .categories(members); return }
        if Self.categoryNames.contains(name) { self = .categories([name]); return }
        if Self.scriptNames.contains(name) { self = .script(name); return }
        return nil
    }

    func contains(_ c: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(c) else {
            // Surrogate code points never occur in decoded input.
            if case .categories(let set) = self { return set.contains("Cs") }
            return self.isAny
        }
        switch self {
        case .any: return true
        case .categories(let set): return set.contains(Self.category(scalar))
        case .script(let name): return ScriptMatcher.shared.matches(scalar, script: name)
        }
    }

    private var isAny: Bool { if case .any = self { return true } else { return false } }

    static let categoryGroups: [String: Set<String>] = [
        "L": ["Lu", "Ll", "Lt", "Lm", "Lo"],
        "M": ["Mn", "Mc", "Me"],
        "N": ["Nd", "Nl", "No"],
        "P": ["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"],
        "S": ["Sm", "Sc", "Sk", "So"],
        "Z": ["Zs", "Zl", "Zp"],
        "C": ["Cc", "Cf", "Co", "Cs"],
    ]

    static let categoryNames: Set<String> = [
        "Cc", "Cf", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu", "Mc", "Me", "Mn", "Nd", "Nl", "No",
        "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs",
    ]

    /// The two-letter general category of `scalar` (`Cn` for unassigned).
    static func category(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter: "Lu"
        case .lowercaseLetter: "Ll"
        case .titlecaseLetter: "Lt"
        case .modifierLetter: "Lm"
        case .otherLetter: "Lo"
        case .nonspacingMark: "Mn"
        case .spacingMark: "Mc"
        case .enclosingMark: "Me"
        case .decimalNumber: "Nd"
        case .letterNumber: "Nl"
        case .otherNumber: "No"
        case .connectorPunctuation: "Pc"
        case .dashPunctuation: "Pd"
        case .openPunctuation: "Ps"
        case .closePunctuation: "Pe"
        case .initialPunctuation: "Pi"
        case .finalPunctuation: "Pf"
        case .otherPunctuation: "Po"
        case .mathSymbol: "Sm"
        case .currencySymbol: "Sc"
        case .modifierSymbol: "Sk"
        case .otherSymbol: "So"
        case .spaceSeparator: "Zs"
        case .lineSeparator: "Zl"
        case .paragraphSeparator: "Zp"
        case .control: "Cc"
        case .format: "Cf"
        case .surrogate: "Cs"
        case .privateUse: "Co"
        case .unassigned: "Cn"
        @unknown default: "Cn"
        }
    }

    /// Go 1.20's `unicode.Scripts` keys (Unicode 13).
    static let scriptNames: Set<String> = [
        "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese", "Bamum",
        "Bassa_Vah", "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille", "Buginese", "Buhid",
        "Canadian_Aboriginal", "Carian", "Caucasian_Albanian", "Chakma", "Cham", "Cherokee", "Chorasmian",
        "Common", "Coptic", "Cuneiform", "Cypriot", "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru",
        "Dogra", "Duployan", "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Georgian",
        "Glagolitic", "Gothic", "Grantha", "Greek", "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Han",
        "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew", "Hiragana", "Imperial_Aramaic",
        "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese", "Kaithi", "Kannada",
        "Katakana", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer", "Khojki", "Khudawadi", "Lao",
        "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian", "Lydian", "Mahajani",
        "Makasar", "Malayalam", "Mandaic", "Manichaean", "Marchen", "Masaram_Gondi", "Medefaidrin",
        "Meetei_Mayek", "Mende_Kikakui", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi",
        "Mongolian", "Mro", "Multani", "Myanmar", "Nabataean", "Nandinagari", "New_Tai_Lue", "Newa", "Nko",
        "Nushu", "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic",
        "Old_North_Arabian", "Old_Permic", "Old_Persian", "Old_Sogdian", "Old_South_Arabian", "Old_Turkic",
        "Oriya", "Osage", "Osmanya", "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Phags_Pa", "Phoenician",
        "Psalter_Pahlavi", "Rejang", "Runic", "Samaritan", "Saurashtra", "Sharada", "Shavian", "Siddham",
        "SignWriting", "Sinhala", "Sogdian", "Sora_Sompeng", "Soyombo", "Sundanese", "Syloti_Nagri",
        "Syriac", "Tagalog", "Tagbanwa", "Tai_Le", "Tai_Tham", "Tai_Viet", "Takri", "Tamil", "Telugu",
        "Thaana", "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Ugaritic", "Vai", "Wancho", "Warang_Citi",
        "Yezidi", "Yi", "Zanabazar_Square",
    ]
}

/// Script membership through the runtime's regex engine (which carries the Script property
/// that `Unicode.Scalar.Properties` does not expose), one compiled single-scalar regex per
/// script, answers cached per scalar.
final class ScriptMatcher: @unchecked Sendable {
    static let shared = ScriptMatcher()
    private let lock = NSLock()
    private var regexes: [String: Regex<AnyRegexOutput>] = [:]
    private var answers: [String: [UInt32: Bool]] = [:]

    func matches(_ scalar: Unicode.Scalar, script: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[script]?[scalar.value] { return known }
        let regex: Regex<AnyRegexOutput>
        if let cached = regexes[script] {
            regex = cached
        } else if let made = try? Regex("\\p{Script=\(script)}").matchingSemantics(.unicodeScalar) {
            regexes[script] = made
            regex = made
        } else {
            return false
        }
        var text = ""
        text.unicodeScalars.append(scalar)
        let hit = (try? regex.wholeMatch(in: text)) != nil
        answers[script, default: [:]][scalar.value] = hit
        return hit
    }
}
