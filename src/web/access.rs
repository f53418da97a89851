//! Who may see the pages. Listening beyond this machine, every URL carries a random access
//! token (`?t=...`) and a request without it gets 403. On this machine only, a request must
//! name this machine as its host: a web page elsewhere that gets a name of its own to point
//! here (DNS rebinding) is refused.

use std::net::SocketAddr;

/// What a request must show.
#[derive(Clone, Debug)]
pub struct Access {
    /// `None` when listening on this machine only.
    token: Option<String>,
    /// The hosts a request on this machine only may name.
    local_hosts: Vec<String>,
}

impl Access {
    /// For pages at `address`: a new random token when it is reachable from elsewhere.
    pub fn new(address: SocketAddr) -> std::io::Result<Access> {
        let port = address.port();
        let local = super::address::is_local(address);
        let token = if local { None } else { Some(random_token()?) };
        let local_hosts = ["127.0.0.1", "localhost", "[::1]"].iter().map(|h| format!("{h}:{port}")).collect();
        Ok(Access { token, local_hosts })
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Whether a request with this query and `Host` header may be answered.
    pub fn allows(&self, query: Option<&str>, host: Option<&str>) -> bool {
        match &self.token {
            Some(token) => query.is_some_and(|q| {
                q.split('&').filter_map(|pair| pair.strip_prefix("t=")).any(|t| same(t.as_bytes(), token.as_bytes()))
            }),
            None => host.is_some_and(|h| self.local_hosts.iter().any(|l| l.eq_ignore_ascii_case(h))),
        }
    }

    /// `path` with the token, for a link or an address to print.
    pub fn with_token(&self, path: &str) -> String {
        match &self.token {
            Some(t) => format!("{path}?t={t}"),
            None => path.to_string(),
        }
    }
}

/// 128 random bits, as 32 hexadecimal digits.
fn random_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Ok(bytes
        .iter()
        .flat_map(|b| [char::from(HEX[usize::from(b >> 4)]), char::from(HEX[usize::from(b & 15)])])
        .collect())
}

/// Equal, in a time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beyond_the_machine_only_the_token_opens() {
        let access = Access::new("0.0.0.0:8080".parse().unwrap()).unwrap();
        let token = access.token().unwrap().to_string();
        assert_eq!(token.len(), 32);
        assert!(access.allows(Some(&format!("t={token}")), None));
        assert!(access.allows(Some(&format!("view=room&t={token}")), Some("evil.example")));
        assert!(!access.allows(None, Some("127.0.0.1:8080")));
        assert!(!access.allows(Some("t="), None));
        assert!(!access.allows(Some(&format!("t={}", &token[..31])), None));
        assert_ne!(
            Access::new("0.0.0.0:8080".parse().unwrap()).unwrap().token().unwrap(),
            token,
            "a new one each time"
        );
        assert_eq!(access.with_token("/room"), format!("/room?t={token}"));
    }

    #[test]
    fn on_the_machine_only_its_own_names_are_answered() {
        let access = Access::new("127.0.0.1:8080".parse().unwrap()).unwrap();
        assert_eq!(access.token(), None);
        assert!(access.allows(None, Some("127.0.0.1:8080")));
        assert!(access.allows(None, Some("LOCALHOST:8080")));
        assert!(!access.allows(None, Some("rebound.example:8080")));
        assert!(!access.allows(None, None));
        assert_eq!(access.with_token("/room"), "/room");
    }
}
