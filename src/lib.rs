pub mod gazetteer;
pub mod matcher;
pub mod mention;
pub mod names;
pub mod normalize;
pub mod resolve;
pub mod variants;

pub use matcher::Matcher;
pub use mention::{MatchKind, Mention};
