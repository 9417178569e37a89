pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod matcher;
pub mod mention;
pub mod names;
pub mod normalize;
pub mod output;
pub mod read;
pub mod resolve;
pub mod shard;
pub mod variants;
pub mod walk;

pub use error::InputError;
pub use matcher::Matcher;
pub use mention::{MatchKind, Mention};
