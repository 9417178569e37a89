pub mod gazetteer;
pub mod normalize;
