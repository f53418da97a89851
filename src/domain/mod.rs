//! The meeting model and its rules: agenda, schedule, checks. No terminal, no files, no clock.

pub mod agenda;
#[cfg(test)]
pub mod arbitrary;
pub mod attendance;
pub mod catch_up;
pub mod change;
pub mod check;
pub mod command;
#[cfg(test)]
pub mod fixtures;
pub mod followup;
pub mod frist;
pub mod invariants;
pub mod next;
pub mod notes;
pub mod presence;
pub mod previous;
pub mod schedule;
pub mod session;
pub mod text;
pub mod time;
pub mod timeline;
pub mod vedtak;
pub mod visible;
