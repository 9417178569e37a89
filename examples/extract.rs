//! gazex as a library: find the mentions in a few texts with the bundled
//! lists, then in many documents in parallel, printing each mention's
//! record as `gazex extract` writes it.
//!
//! ```text
//! cargo run --release --example extract                  # the texts below
//! cargo run --release --example extract -- corpus/*.txt  # these files
//! ```

use gazex::date::DocDate;
use gazex::{Extractor, Input};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The bundled lists (compiled on first use into the cache folder),
    // every core, and a fixed run date so the output does not change
    // from day to day.
    let extractor = Extractor::builder()
        .run_date(DocDate::ymd(2024, 6, 20).expect("a valid date"))
        .on_notice(|n| eprintln!("gazex: {n}"))
        .build()?;

    // One text: the mentions, with byte and character offsets.
    let text = "Kim Jong Un wrote to Vladimir Putin, who thanked Kim.";
    for m in extractor.extract(text) {
        let e = extractor.entity(&m);
        println!(
            "{:?} at {}..{} (characters {}..{}): {} ({}), {}, confidence {:.2}",
            &text[m.start..m.end],
            m.start,
            m.end,
            m.char_start,
            m.char_end,
            e.name,
            e.id,
            m.kind,
            m.confidence
        );
    }

    // Many documents: the files named, or two texts; the results come in
    // input order, found by the worker threads.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<Input> = if args.is_empty() {
        vec![
            Input::new("Ashot Mkrtychev brokered the deal; Mkrtychev denied it.").with_id("a"),
            Input::new("President Bush spoke in Crawford.")
                .with_id("b")
                .with_date(DocDate::ymd(2003, 3, 1).expect("a valid date")),
        ]
    } else {
        args.iter()
            .map(|p| Ok(Input::new(std::fs::read_to_string(p)?).with_id(p.as_str())))
            .collect::<std::io::Result<_>>()?
    };
    for result in extractor.extract_many(inputs) {
        let extracted = result?;
        for record in extractor.records(&extracted) {
            println!("{}", serde_json::to_string(&record)?);
        }
    }
    Ok(())
}
