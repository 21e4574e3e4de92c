//! Showing a stored number the way people read it. Display only: parsing and validating
//! numbers is the job of the number type, not of this function.

/// `18584376047` → `+1 (858) 437-6047`; other lengths → `+` and the digits as stored.
pub fn display_number(stored: &str) -> String {
    let digits: String = stored.chars().filter(char::is_ascii_digit).collect();
    match digits.as_bytes() {
        [b'1', rest @ ..] if rest.len() == 10 => {
            let rest = &digits[1..];
            format!("+1 ({}) {}-{}", &rest[..3], &rest[3..6], &rest[6..])
        }
        [] => stored.to_owned(),
        _ => format!("+{digits}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nanp_numbers_read_as_people_write_them() {
        assert_eq!(display_number("18584376047"), "+1 (858) 437-6047");
        assert_eq!(display_number("+18584376047"), "+1 (858) 437-6047");
    }

    #[test]
    fn other_numbers_keep_their_digits_and_garbage_is_shown_as_is() {
        assert_eq!(display_number("442071838750"), "+442071838750");
        assert_eq!(display_number("n/a"), "n/a");
    }
}
