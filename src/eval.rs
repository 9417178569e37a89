//! Scoring mentions against gold annotations.
//!
//! Gold files are JSON Lines in the format of the bundled
//! `tests/data/seed-mentions.jsonl`: `doc` (file name), `start`, `end`
//! (byte offsets), `text`, `entity` (the entity as the press names it),
//! `entity_type`, `names` (other names of the same entity) and `form`
//! (`full`, `surname` or `short`).
//!
//! A predicted mention is **correct** when its document's file name, its
//! byte span and its entity agree with one gold mention (each gold mention
//! is matched at most once). The entity agrees when the predicted entity
//! name — or one of the entity's listed names — has the same set of words
//! as the gold `entity` or one of its `names`, compared case-, accent-,
//! punctuation- and order-insensitively ("MKRTYCHEV, Ashot" = "Ashot
//! Mkrtychev"), or when one set lies within the other and they share at
//! least two words ("Joseph R. Biden" and "Joseph R. Biden Jr.").
//!
//! Where the gold mention gives `ids`, names do not decide: the entity
//! agrees only when the predicted `entity_id` is one of them, so homonyms
//! ("President Bush" the father or the son) are scored by who, not by name.
//!
//! Precision is counted over predicted mentions of type person,
//! organization, vessel and aircraft; recall over all gold mentions.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

// The rule lives in `names`, which the matcher uses too (the matcher does
// not depend on the scorer); the scorer's module docs describe it.
pub use crate::names::names_agree;

/// One gold mention.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldMention {
    /// File name of the document.
    pub doc: String,
    /// Byte offset.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The entity meant.
    pub entity: String,
    /// `person`, `organization`, …
    pub entity_type: String,
    /// Other names of the entity.
    #[serde(default)]
    pub names: Vec<String>,
    /// `full`, `surname` or `short`.
    pub form: String,
    /// The entity ids that count, where names alone cannot tell homonyms
    /// apart (empty: any entity whose names agree counts).
    #[serde(default)]
    pub ids: Vec<String>,
}

/// One predicted mention, as the scorer sees it.
#[derive(Clone, Debug, Deserialize)]
pub struct Predicted {
    /// Document path (only its file name is compared).
    pub doc: String,
    /// Byte offset.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Entity id (compared with the gold's `ids` where it has them).
    #[serde(default)]
    pub entity_id: String,
    /// Entity display name.
    pub entity_name: String,
    /// Entity type.
    pub entity_type: String,
    /// The entity's name form that matched (also compared).
    #[serde(default)]
    pub alias: String,
    /// The match kind.
    #[serde(rename = "match")]
    pub kind: String,
}

/// Counts for one slice of the evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Correct predictions.
    pub correct: usize,
    /// Predictions counted for precision.
    pub predicted: usize,
    /// Gold mentions.
    pub gold: usize,
}

impl Counts {
    /// correct / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    /// correct / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The result of scoring.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Over everything.
    pub overall: Counts,
    /// Predictions by `match` kind (gold is not split by kind).
    pub by_match: BTreeMap<String, Counts>,
    /// Gold by `form` (predictions attributed to the gold they match).
    pub by_form: BTreeMap<String, Counts>,
    /// Gold mentions not found.
    pub misses: Vec<GoldMention>,
    /// Predictions that match no gold mention.
    pub false_mentions: Vec<Predicted>,
}

/// A gold or prediction file that could not be read.
#[derive(Debug)]
pub struct EvalError(String);

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EvalError {}

/// Reads JSON Lines of `T` from a string; `what` names errors.
pub fn read_jsonl<T: for<'de> Deserialize<'de>>(
    text: &str,
    what: &str,
) -> Result<Vec<T>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(line).map_err(|e| EvalError(format!("{what}:{}: {e}", i + 1)))?,
        );
    }
    Ok(out)
}

fn file_name(doc: &str) -> &str {
    Path::new(doc)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(doc)
}

const SCORED_TYPES: &[&str] = &["person", "organization", "vessel", "aircraft"];

/// Scores `predicted` against `gold`. `extra_names` gives, per predicted
/// entity name, further names of that entity (its aliases) that may agree
/// with the gold.
pub fn score(
    gold: &[GoldMention],
    predicted: &[Predicted],
    extra_names: &HashMap<String, Vec<String>>,
) -> Report {
    let mut report = Report::default();
    let mut by_span: HashMap<(&str, usize, usize), Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        by_span
            .entry((file_name(&g.doc), g.start, g.end))
            .or_default()
            .push(i);
        report.by_form.entry(g.form.clone()).or_default().gold += 1;
    }
    report.overall.gold = gold.len();
    let mut used = vec![false; gold.len()];
    for p in predicted {
        let scored = SCORED_TYPES.contains(&p.entity_type.as_str());
        if scored {
            report.overall.predicted += 1;
            report.by_match.entry(p.kind.clone()).or_default().predicted += 1;
        }
        let mut names: Vec<&str> = vec![&p.entity_name];
        if !p.alias.is_empty() {
            names.push(&p.alias);
        }
        if let Some(more) = extra_names.get(&p.entity_name) {
            names.extend(more.iter().map(String::as_str));
        }
        let hit = by_span
            .get(&(file_name(&p.doc), p.start, p.end))
            .and_then(|cands| {
                cands.iter().copied().find(|&gi| {
                    let g = &gold[gi];
                    !used[gi]
                        && if g.ids.is_empty() {
                            names.iter().any(|n| {
                                names_agree(n, &g.entity)
                                    || g.names.iter().any(|gn| names_agree(n, gn))
                            })
                        } else {
                            g.ids.contains(&p.entity_id)
                        }
                })
            });
        match hit {
            Some(gi) => {
                used[gi] = true;
                report.overall.correct += 1;
                report.by_match.entry(p.kind.clone()).or_default().correct += 1;
                let f = report.by_form.entry(gold[gi].form.clone()).or_default();
                f.correct += 1;
                f.predicted += 1;
            }
            None if scored => report.false_mentions.push(p.clone()),
            None => {}
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !used[i] {
            report.misses.push(g.clone());
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_agreement() {
        assert!(names_agree("MKRTYCHEV, Ashot", "Ashot Mkrtychev"));
        assert!(names_agree("Joseph R. Biden", "Joseph R. Biden Jr."));
        assert!(names_agree("Kim Jong-un", "Kim Jong Un"));
        assert!(!names_agree("Kim Jong Un", "Kim Yo Jong"));
        assert!(!names_agree("Nelson", "Brian Nelson"));
        assert!(!names_agree("", "x"));
    }

    fn gold(doc: &str, start: usize, end: usize, entity: &str, form: &str) -> GoldMention {
        GoldMention {
            doc: doc.into(),
            start,
            end,
            text: String::new(),
            entity: entity.into(),
            entity_type: "person".into(),
            names: vec![],
            form: form.into(),
            ids: vec![],
        }
    }

    fn pred(doc: &str, start: usize, end: usize, entity: &str, ty: &str) -> Predicted {
        Predicted {
            doc: doc.into(),
            start,
            end,
            text: String::new(),
            entity_id: String::new(),
            entity_name: entity.into(),
            entity_type: ty.into(),
            alias: String::new(),
            kind: "exact".into(),
        }
    }

    #[test]
    fn scoring() {
        let g = vec![
            gold("a.txt", 0, 5, "Joe Biden", "surname"),
            gold("a.txt", 10, 20, "Ashot Mkrtychev", "full"),
        ];
        let p = vec![
            pred("corpus/a.txt", 10, 20, "MKRTYCHEV, Ashot", "person"),
            pred("corpus/a.txt", 10, 20, "MKRTYCHEV, Ashot", "person"), // twice: one is false
            pred("corpus/a.txt", 30, 35, "Nobody", "person"),
            pred("corpus/a.txt", 40, 45, "Russia", "country"), // not scored
        ];
        let r = score(&g, &p, &HashMap::new());
        assert_eq!(
            r.overall,
            Counts {
                correct: 1,
                predicted: 3,
                gold: 2
            }
        );
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.false_mentions.len(), 2);
        assert_eq!(r.by_form["full"].correct, 1);
        assert_eq!(r.by_form["surname"].correct, 0);
        assert!((r.overall.precision() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn scoring_by_id() {
        let mut g = gold("a", 0, 4, "George Bush", "surname");
        g.ids = vec!["wd-Q207".into()];
        let mut father = pred("a", 0, 4, "George Bush", "person");
        father.entity_id = "wd-Q23505".into();
        let r = score(std::slice::from_ref(&g), &[father.clone()], &HashMap::new());
        assert_eq!(r.overall.correct, 0, "same name, other man");
        let mut son = father;
        son.entity_id = "wd-Q207".into();
        let r = score(&[g], &[son], &HashMap::new());
        assert_eq!(r.overall.correct, 1);
    }
}
