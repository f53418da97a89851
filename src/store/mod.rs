//! Files: reading agendas, loading and saving sessions.

pub mod agenda_file;
pub mod journal;
pub mod locate;
pub mod lock;
pub mod log;
pub mod session_file;
