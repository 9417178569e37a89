//! One entity per person across the bundled lists: what
//! `Gazetteer::merge_same_people` makes of the real `gazetteers/` folder
//! (the counts quoted in README.md and gazetteers/SOURCES.md).

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use gazex::gazetteer::{Gazetteer, MergeReport};
use serde_json::{json, Value};

fn bundled() -> &'static (Gazetteer, MergeReport) {
    static G: OnceLock<(Gazetteer, MergeReport)> = OnceLock::new();
    G.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut g = Gazetteer::load(&root.join("gazetteers")).expect("bundled gazetteers load");
        let before = g.len();
        let report = g.merge_same_people();
        assert_eq!(g.len() + report.merged, before);
        if std::env::var_os("GAZEX_PRINT_MERGE").is_some() {
            for ids in &report.groups {
                let names: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
                println!("merged {}", names.join(" "));
            }
            for (a, b) in &report.undecided {
                println!("undecided {a} {b}");
            }
            for (a, b) in &report.conflicts {
                println!("conflict {a} {b}");
            }
        }
        (g, report)
    })
}

#[test]
fn putin_is_one_entity_on_both_lists() {
    let (g, _) = bundled();
    let putin = g.get("ofac-35096").expect("the OFAC id is kept");
    assert!(g.get("wd-Q7747").is_none(), "the official is merged away");
    assert_eq!(putin.name, "Vladimir Vladimirovich Putin");
    assert!(putin.lists.iter().any(|l| l == "RUSSIA-EO14024"));
    assert!(putin.lists.iter().any(|l| l == "official:wikidata-leaders"));
    assert!(gazex::matcher::is_prominent(putin), "still a leader");
    assert_eq!(putin.properties["same_as"], json!(["wd-Q7747"]));
    assert_eq!(putin.properties["dob"], json!(["07 Oct 1952"]));
    assert_eq!(putin.properties["birth_date"], "1952-10-07");
    assert_eq!(putin.properties["wikidata"], "Q7747");
    let roles = putin.properties["roles"].as_array().unwrap();
    assert!(roles
        .iter()
        .any(|r| r["role"] == "President of Russia" && r["current"] == Value::Bool(true)));
    assert!(putin.aliases.iter().any(|a| a.name == "Vladimir Putin"));
    assert!(putin
        .aliases
        .iter()
        .any(|a| a.name == "Владимир Владимирович Путин"));
}

#[test]
fn un_entries_join_ofac_ones() {
    let (g, _) = bundled();
    // By name and date of birth.
    let saddam = g.get("ofac-7843").expect("the OFAC id is kept");
    assert!(g.get("un-IQi.001").is_none());
    assert_eq!(saddam.properties["same_as"], json!(["un-IQi.001"]));
    assert!(saddam.lists.iter().any(|l| l == "UN-SC:Iraq"));
    assert!(saddam.lists.iter().any(|l| l == "UN-SC"));
    assert_eq!(saddam.properties["un_ref"], "IQi.001");
    // By IMO number (and name).
    let komid = g.get("ofac-23713").unwrap();
    assert_eq!(komid.properties["same_as"], json!(["un-KPe.065"]));
    // By a legal form apart.
    let kkbc = g.get("ofac-11581").unwrap();
    assert_eq!(kkbc.properties["same_as"], json!(["un-KPe.025"]));
    // THE HOUTHIS: ANSARALLAH is OFAC's name for them; OFAC gives "ANSAR
    // ALLAH" to Hizballah too, but only ANSARALLAH shares their country
    // (Yemen; no country on Hizballah's record).
    assert!(g.get("un-YEe.001").is_none());
    assert_eq!(
        g.get("ofac-47664").unwrap().properties["same_as"],
        json!(["un-YEe.001"])
    );
    // By passport: Ayesha / Aisha Qadhafi.
    let aisha = g.get("ofac-12610").unwrap();
    assert_eq!(aisha.properties["same_as"], json!(["un-LYi.009"]));
    // Not on OFAC's list: a UN entity of its own.
    assert!(g.get("un-TAi.040").is_some(), "Jalaluddin Haqqani");
}

#[test]
fn bundled_counts() {
    let (g, report) = bundled();
    assert_eq!(
        (
            report.merged,
            report.undecided.len(),
            report.conflicts.len()
        ),
        (796, 203, 227),
        "{report:?}"
    );
    // Merged: 64 officials (one of them with two records of one source,
    // Bashar al-Assad's), and UN entries into OFAC's, persons and
    // organizations; none into an official.
    let un = |kind: &str| {
        report
            .groups
            .iter()
            .filter(|ids| ids.iter().any(|i| i.starts_with("un-")))
            .filter(|ids| g.get(&ids[0]).is_some_and(|e| e.kind.as_str() == kind))
            .count()
    };
    assert_eq!((un("person"), un("organization")), (490, 207));
    assert!(report.groups.iter().all(|ids| ids[0].starts_with("ofac-")
        && (ids.len() == 2 || ids[0] == "ofac-12735" || ids[0] == "ofac-9760")));
    let officials = report
        .groups
        .iter()
        .filter(|ids| !ids[1].starts_with("un-"))
        .count();
    assert_eq!(officials, 97);
    let mut groups: Vec<Vec<&str>> = report
        .groups
        .iter()
        .map(|ids| ids.iter().map(String::as_str).collect())
        .filter(|ids: &Vec<&str>| ids[1].starts_with("wd-"))
        .collect();
    groups.sort();
    assert_eq!(
        groups,
        vec![
            vec!["ofac-11786", "wd-Q3790254"], // Rostam Qasemi
            vec!["ofac-12060", "wd-Q48761"],   // Ahmad Vahidi
            vec!["ofac-12735", "wd-Q44329", "cia-syria-bashar-al-asad"], // Bashar al-Assad: twins
            vec!["ofac-20157", "wd-Q56226"],   // Kim Jong Un: one office (Chairman of KWP)
            vec!["ofac-22790", "wd-Q58132"],   // Nicolás Maduro
            vec!["ofac-24319", "wd-Q1344473"], // Vladimir Kolokoltsev: patronymic
            vec!["ofac-26945", "wd-Q57336"],   // Ali Khamenei: one office
            vec!["ofac-27225", "wd-Q3462649"], // Min Aung Hlaing (by date of birth)
            vec!["ofac-27844", "wd-Q5947347"], // Ebrahim Raisi
            vec!["ofac-30374", "wd-Q108332006"], // Javad Oji
            vec!["ofac-30879", "wd-Q5703610"], // Mohammad Mokhber
            vec!["ofac-32747", "wd-Q60626586"], // Aliaksei Auramenka: patronymic
            vec!["ofac-34746", "wd-Q83283317"], // Viktor Khrenin: patronymic
            vec!["ofac-35096", "wd-Q7747"],    // Vladimir Putin (by date of birth)
            vec!["ofac-35173", "wd-Q32024"],   // Sergei Shoigu
            vec!["ofac-35233", "wd-Q58217"],   // Sergei Lavrov
            vec!["ofac-35240", "wd-Q4517811"], // Konstantin Chuychenko: patronymic
            vec!["ofac-35243", "wd-Q589645"],  // Anton Siluanov
            vec!["ofac-35282", "wd-Q4298520"], // Mikhail Mishustin (by date of birth)
            vec!["ofac-35846", "wd-Q101444618"], // Irek Faizullin: patronymic
            vec!["ofac-35847", "wd-Q83380758"], // Dmitry Grigorenko: patronymic
            vec!["ofac-36500", "wd-Q28681100"], // Maxim Reshetnikov: patronymic
            vec!["ofac-36501", "wd-Q4403799"], // Vitaly Savelyev: patronymic
            vec!["ofac-39361", "wd-Q4082839"], // Andrey Belousov: patronymic
            vec!["ofac-39363", "wd-Q4514292"], // Dmitry Chernyshenko: patronymic
            vec!["ofac-39437", "wd-Q108516960"], // Eisa Zarepour
            vec!["ofac-40556", "wd-Q2329960"], // Denis Manturov
            vec!["ofac-41005", "wd-Q260432"],  // Tatyana Golikova
            vec!["ofac-41012", "wd-Q26255418"], // Oleg Matytsin: patronymic
            vec!["ofac-41018", "wd-Q83382249"], // Anton Kotyakov: patronymic
            vec!["ofac-41022", "wd-Q15066166"], // Valery Falkov: patronymic
            vec!["ofac-41026", "wd-Q28664969"], // Nikolay Shulginov: patronymic
            vec!["ofac-41028", "wd-Q83375533"], // Olga Lyubimova: patronymic
            vec!["ofac-41040", "wd-Q112119215"], // Alexander Kurenkov: patronymic
            vec!["ofac-42073", "wd-Q1153835"], // Marat Khusnullin: patronymic
            vec!["ofac-43110", "wd-Q55653685"], // Sergey Kravtsov: patronymic
            vec!["ofac-43234", "wd-Q39390389"], // Viktoriya Abramchenko: patronymic
            vec!["ofac-7513", "wd-Q510523"],   // Emmerson Mnangagwa
            vec!["ofac-9760", "wd-Q2866", "cia-belarus-aleksandr-lukashenko"], // Lukashenko: patronymic, twins
        ]
    );
    // One name, one country, no date on one side, a name not common: the
    // CIA's governor of Lebanon's central bank is OFAC's Riad Salameh.
    let pair = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    assert!(report
        .groups
        .contains(&pair("ofac-44584", "cia-lebanon-riad-salameh")));
    // Not on a two-word short form alone ("Asad Khan" of two men).
    assert!(!report
        .groups
        .contains(&pair("ofac-10898", "cia-pakistan-asad-majeed-khan")));
    // Not a common name: Korean names of short syllables.
    assert!(!report
        .groups
        .iter()
        .any(|ids| ids.contains(&"cia-north-korea-kim-yong-chol".to_string())));
    // Nor a name of two short words: the CIA's Myanmar planning and
    // finance minister "Soe Win" is not OFAC's general (born 1960).
    assert!(!report
        .groups
        .iter()
        .any(|ids| ids.contains(&"cia-myanmar-soe-win".to_string())));
    assert_eq!(g.len(), 22326 - 796);
    // Same person, but the officials list gives no date of birth and
    // the name agrees only as a name within the other's: Alexander Kozlov,
    // whose two officials records (the CIA's of 2019, Wikidata's of 2022)
    // name two offices, so that neither is told apart from the other.
    for pair in [
        ("ofac-41029", "wd-Q16664506"),
        ("ofac-41029", "cia-russia-aleksandr-aleksandrovich-kozlov"),
    ] {
        assert!(
            report
                .undecided
                .contains(&(pair.0.to_string(), pair.1.to_string())),
            "{pair:?} undecided"
        );
        assert!(g.get(pair.0).is_some() && g.get(pair.1).is_some());
    }
    assert!(report
        .undecided
        .contains(&("ofac-4697".to_string(), "un-YEe.001".to_string())));
    // A passport two UN entries list under other names: not decided.
    assert!(report
        .undecided
        .contains(&("ofac-13106".to_string(), "un-IRi.003".to_string())));
    // Branches of one charity: a name in common, other countries.
    assert!(report
        .conflicts
        .contains(&("ofac-8107".to_string(), "un-QDe.105".to_string())));
    // Same names, different dates of birth: homonyms.
    assert!(report
        .conflicts
        .contains(&("ofac-46882".to_string(), "wd-Q113587887".to_string())));
}

fn extract(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "-j", "2", "--fields", "same_as", "--stats"])
        .args(args)
        .output()
        .expect("run gazex");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_binary_merges_and_says_so() {
    let putin = |stdout: &str| -> Vec<Value> {
        stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|r| r["entity_name"] == "Vladimir Vladimirovich Putin")
            .collect()
    };
    let (stdout, stderr) = extract(&[]);
    assert!(
        stderr.contains("gazex: gazetteer: 796 entities merged across lists (203 undecided)"),
        "{stderr}"
    );
    let records = putin(&stdout);
    assert!(!records.is_empty(), "{stdout}");
    for r in &records {
        assert_eq!(r["entity_id"], "ofac-35096");
        assert_eq!(r["properties"], json!({ "same_as": ["wd-Q7747"] }));
        assert!(r["lists"]
            .as_array()
            .unwrap()
            .contains(&json!("official:wikidata-leaders")));
        assert!(r.get("candidates").is_none(), "{r}");
    }

    // Unmerged, the two records of one man compete for each mention: the
    // head of state (in office at the run's date) wins, the sanctions entry
    // is the candidate.
    let (stdout, stderr) = extract(&["--no-merge"]);
    assert!(!stderr.contains("merged across lists"), "{stderr}");
    let records: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["entity_id"] == "wd-Q7747" || r["entity_id"] == "ofac-35096")
        .collect();
    assert!(!records.is_empty(), "{stdout}");
    for r in &records {
        let other = if r["entity_id"] == "wd-Q7747" {
            "ofac-35096"
        } else {
            "wd-Q7747"
        };
        assert!(
            r["candidates"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c["entity_id"] == other)),
            "{r}"
        );
    }
}
