// Docs are checked in CI with plain `cargo doc`: under rustdoc every warning
// (a broken intra-doc link, say) is an error. Set here rather than through
// RUSTDOCFLAGS so the doc build reuses the target information cargo already
// queried for clippy and test.
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
