//! Where the web page listens: `PORT`, `ADDRESS:PORT` or `[IPv6]:PORT` as the user writes
//! it; only this machine (127.0.0.1) unless an address is given.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The address written as `text`; `None` when it is none.
pub fn parse(text: &str) -> Option<SocketAddr> {
    let text = text.trim();
    if let Ok(port) = text.parse::<u16>() {
        return Some(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    if let Some(port) = text.strip_prefix("localhost:") {
        return port.parse().ok().map(|p| SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), p));
    }
    text.parse().ok()
}

/// Whether only this machine can reach `address`.
pub fn is_local(address: SocketAddr) -> bool {
    address.ip().is_loopback()
}

/// The host part of the pages' address as a browser elsewhere would write it: the
/// machine's name when listening on every address, else the address.
pub fn host(address: SocketAddr, machine: Option<&str>) -> String {
    match (address.ip().is_unspecified(), machine) {
        (true, Some(name)) if !name.is_empty() => format!("{name}:{}", address.port()),
        _ => address.to_string(),
    }
}

/// This machine's name, if it has one (Linux).
pub fn machine_name() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").ok()?;
    let name = name.trim();
    // (Only a name a URL can hold as it is.)
    let plain = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    plain.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_alone_is_this_machine_only() {
        let a = parse("8080").unwrap();
        assert_eq!(a.to_string(), "127.0.0.1:8080");
        assert!(is_local(a));
        assert!(is_local(parse("localhost:9000").unwrap()));
        assert!(is_local(parse("[::1]:9000").unwrap()));
    }

    #[test]
    fn an_address_given_listens_beyond_the_machine() {
        let a = parse("0.0.0.0:8080").unwrap();
        assert!(!is_local(a));
        assert_eq!(host(a, Some("møterom")), "møterom:8080");
        assert_eq!(host(parse("192.0.2.7:80").unwrap(), Some("x")), "192.0.2.7:80");
        assert_eq!(parse("[::]:8080").unwrap().port(), 8080);
    }

    #[test]
    fn what_is_no_address_is_refused() {
        for bad in ["", "80800", "http://0.0.0.0:8080", "0.0.0.0", "localhost:x", "::1:80", "-1"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        let w = crate::i18n::words(crate::domain::agenda::Lang::Nb);
        assert_eq!(
            (w.chair.bad_address)("80800"),
            "«80800» er ikke en adresse å lytte på: skriv PORT, ADRESSE:PORT eller [IPv6]:PORT, som 8080 eller 0.0.0.0:8080"
        );
    }
}
