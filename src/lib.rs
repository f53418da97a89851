//! referent: run a formal committee meeting live in the terminal and write its referat.
//! The functional core is `domain`; `app` turns keys into commands on it (no terminal, no
//! files, no clock); `store`, `referat`, `tui` and `cli` are the shell.
//! A library so that the benches (benches/) reach the same code the binary runs.

pub mod app;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod referat;
pub mod store;
pub mod theme;
pub mod tui;
pub mod web;
