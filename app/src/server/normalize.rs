//! Normalization for duplicate detection and unique emails. Runs on the
//! server only; the browser never needs it.

use unicode_normalization::UnicodeNormalization;

/// NFKC, then full Unicode case folding, then NFKC again (case folding can
/// produce sequences that are not in NFKC form). `Ada@Example.com` and
/// `ada@example.com` become the same string; so do `ß` and `ss`.
pub fn fold(value: &str) -> String {
    // Format characters (zero-width, bidi controls) change nothing a reader
    // sees, so they must not make two names differ.
    let visible: String = value
        .chars()
        .filter(|c| !matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'))
        .collect();
    let nfkc: String = visible.trim().nfkc().collect();
    caseless::default_case_fold_str(&nfkc).nfkc().collect()
}

pub fn email(value: &str) -> String {
    fold(value)
}

/// Legal-form words ignored when comparing organization names.
const LEGAL_FORMS: &[&str] = &[
    "oy",
    "oyj",
    "ab",
    "abp",
    "as",
    "asa",
    "aps",
    "ltd",
    "limited",
    "plc",
    "llc",
    "llp",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "sl",
    "oü",
    "ry",
    "ky",
    "tmi",
    "pty",
];

/// Folded, punctuation turned into spaces, whitespace collapsed, and
/// legal-form words dropped: "ACME  Oy", "Acme, Ltd." and "acme" all match.
pub fn organization_name(value: &str) -> String {
    let folded = fold(value);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect();
    // A name made only of legal-form words ("AB Oy") is kept whole.
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// Registration IDs compare without separators or case.
pub fn registration_id(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_fold_case_beyond_ascii() {
        assert_eq!(email("Ada@Example.com"), email("ada@example.com"));
        assert_eq!(email("STRASSE@example.com"), email("straße@example.com"));
        assert_eq!(email("ａｄａ@example.com"), email("ada@example.com"));
        assert_ne!(email("ada@example.com"), email("eve@example.com"));
    }

    #[test]
    fn organization_names_ignore_legal_forms_case_and_punctuation() {
        let same = [
            "Acme Oy",
            "ACME  OY",
            "Acme, Ltd.",
            "acme",
            " Acme GmbH ",
            "Ａｃｍｅ Inc",
        ];
        for name in same {
            assert_eq!(organization_name(name), "acme", "{name:?}");
        }
        assert_eq!(organization_name("Acme Tools Oy"), "acme tools");
        assert_eq!(organization_name("AB Oy"), "ab oy");
        assert_eq!(
            organization_name("Umb\u{200B}rella Oy"),
            organization_name("Umbrella Ltd")
        );
    }

    #[test]
    fn registration_ids_ignore_separators() {
        assert_eq!(registration_id("1234567-8"), registration_id("12345678"));
        assert_eq!(registration_id("hrb 123"), "HRB123");
    }
}
