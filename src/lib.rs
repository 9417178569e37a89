pub mod gazetteer;
pub mod names;
pub mod normalize;
pub mod variants;
