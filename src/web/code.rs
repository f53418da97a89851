//! A URL as a QR code in text: two rows of modules to a line ("▀", "▄", "█", " "), dark
//! modules as blocks, with the quiet zone around it. Drawn dark on light (the way phones
//! read it best), whatever the theme.

use qrcode::QrCode;
use qrcode::render::unicode::Dense1x2;

/// The lines of the QR code of `text`; none if it is too long for one.
pub fn lines(text: &str) -> Vec<String> {
    let Ok(code) = QrCode::new(text.as_bytes()) else { return Vec::new() };
    let drawn =
        code.render::<Dense1x2>().dark_color(Dense1x2::Dark).light_color(Dense1x2::Light).quiet_zone(true).build();
    drawn.lines().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_with_its_token_makes_a_square_code() {
        let url = "http://møterom:8080/?t=0123456789abcdef0123456789abcdef";
        let lines = lines(url);
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width), "every line as wide");
        // Two rows of modules a line: as many lines as half its width, rounded up.
        assert_eq!(lines.len(), width.div_ceil(2));
        assert!(lines.iter().any(|l| l.contains('█')));
        assert_ne!(lines, super::lines("http://møterom:8080/?t=1123456789abcdef0123456789abcdef"));
    }
}
