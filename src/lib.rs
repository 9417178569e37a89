//! gazex finds mentions of sanctioned parties and officials in news text,
//! with exact source offsets.
//!
//! The front door is the [`Extractor`]: built once from gazetteers (the
//! lists bundled in gazex by default, or files, folders, published lists
//! and compiled gazetteers, as `gazex extract -g` takes them), it finds
//! the mentions in one text ([`Extractor::extract`]), in many documents on
//! its worker threads with the results in input order
//! ([`Extractor::extract_many`]), or in files and folders into an output
//! sink ([`Extractor::run`], what the `gazex` binary does). Each
//! [`Mention`] gives byte and character offsets into the text, the entity
//! and how sure the link is; [`Extractor::records`] turns a document's
//! mentions into the records `gazex extract` writes (documented field by
//! field in [`output`]).
//!
//! # Example: one text
//!
//! ```
//! use gazex::gazetteer::{Entity, EntityType, Gazetteer};
//! use gazex::Extractor;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Lists made in the program; `Extractor::new()` would load the bundled
//! // ones, `Extractor::builder().gazetteer("lists/")` a folder.
//! let lists = Gazetteer::from_entities([
//!     Entity::new("ofac-41736", "Ashot Mkrtychev", EntityType::Person),
//! ]);
//! let extractor = Extractor::builder().lists(lists).threads(2).build()?;
//!
//! let text = "Sanctions hit Ashot Mkrtychev on Wednesday.";
//! let mentions = extractor.extract(text);
//! assert_eq!(mentions.len(), 1);
//! let m = &mentions[0];
//! assert_eq!(&text[m.start..m.end], "Ashot Mkrtychev");
//! assert_eq!(extractor.entity(m).id, "ofac-41736");
//! # Ok(())
//! # }
//! ```
//!
//! # Example: many documents, as records
//!
//! ```
//! use gazex::gazetteer::{Entity, EntityType, Gazetteer};
//! use gazex::{Extractor, Input};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let lists = Gazetteer::from_entities([
//!     Entity::new("ofac-41736", "Ashot Mkrtychev", EntityType::Person),
//! ]);
//! let extractor = Extractor::builder().lists(lists).build()?;
//! let docs = vec![
//!     Input::new("Ashot Mkrtychev denied it.").with_id("a"),
//!     Input::new("Nothing here.").with_id("b"),
//!     Input::new("«Ashot Mkrtychev»").with_id("c"),
//! ];
//! let mut found = Vec::new();
//! for result in extractor.extract_many(docs) {
//!     let extracted = result?;
//!     for r in extractor.records(&extracted) {
//!         found.push((r.doc.to_string(), r.start, r.char_start));
//!     }
//! }
//! // In input order; `start` counts bytes, `char_start` characters.
//! assert_eq!(found, [("a".into(), 0, 0), ("c".into(), 2, 1)]);
//! # Ok(())
//! # }
//! ```
//!
//! # Modules
//!
//! Data flows one way: [`walk`] → [`input`] → [`normalize`] → [`matcher`]
//! → [`resolve`] → [`output`]; [`extract`] runs that pipeline on worker
//! threads, [`extractor`] wraps it with the gazetteers ([`gazetteer`],
//! loaded by [`gazetteer::load`]) and the options.

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
pub mod extractor;
pub mod gazetteer;
pub mod input;
pub mod link;
pub mod matcher;
pub mod mention;
pub mod names;
pub mod nickname;
pub mod normalize;
pub mod output;
pub mod pinyin;
pub mod report;
pub mod resolve;
pub mod shard;
mod table;
pub mod translit;
pub mod variants;
pub mod walk;

pub use error::InputError;
pub use extractor::{Extracted, Extractor, ExtractorBuilder, Input};
pub use matcher::Matcher;
pub use mention::{MatchKind, Mention};
