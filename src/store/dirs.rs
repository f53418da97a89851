//! The platform's folders for referent, from etcetera's base strategy: on Linux and
//! macOS the XDG folders (`$XDG_CONFIG_HOME`, else `~/.config`; `$XDG_STATE_HOME`, else
//! `~/.local/state`; a variable that is empty or not an absolute path counts as unset),
//! on Windows the Known Folders. Each with `referent` under it.

use std::path::PathBuf;

use etcetera::BaseStrategy;

/// The config folder: `$XDG_CONFIG_HOME/referent`, else `~/.config/referent`; `None`
/// when there is no home folder.
pub fn config_dir() -> Option<PathBuf> {
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("referent"))
}

/// The state folder (the log, emergency copies): `$XDG_STATE_HOME/referent`, else
/// `~/.local/state/referent`; on a platform without one, the data folder's.
pub fn state_dir() -> Option<PathBuf> {
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.state_dir().unwrap_or_else(|| base.data_dir()).join("referent"))
}
