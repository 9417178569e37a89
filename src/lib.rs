// Docs are checked in CI with plain `cargo doc`: under rustdoc every warning
// (a broken intra-doc link, say) is an error, set here rather than through
// RUSTDOCFLAGS so that the doc build shares cargo's cached target
// information with the other steps.
#![cfg_attr(doc, deny(warnings))]

pub mod date;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod input;
pub mod link;
pub mod matcher;
pub mod mention;
pub mod names;
pub mod nickname;
pub mod normalize;
pub mod output;
pub mod progress;
pub mod report;
pub mod resolve;
pub mod shard;
pub mod translit;
pub mod variants;
pub mod walk;

pub use error::InputError;
pub use matcher::Matcher;
pub use mention::{MatchKind, Mention};
