//! The meeting model and its rules: agenda, schedule, checks. No terminal, no files, no clock.

pub mod agenda;
pub mod check;
pub mod frist;
pub mod schedule;
pub mod session;
pub mod time;
