//! The gazetteer importers against the real files as published and small
//! fixtures: OFAC's legacy SDN CSV files and the officials lists.
//!
//! The real files are the bundled copies under `gazetteers/src/` (see the
//! SOURCE.md files there); the OFAC matched set of April 2021 is under
//! `tests/data/ofac/2021-04/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use gazex::gazetteer::ofac::{self, ImportReport, OfacImport};
use gazex::gazetteer::officials;
use gazex::gazetteer::{native, Entity, EntityType, NameOrder};
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn find<'a>(entities: &'a [Entity], id: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entity {id}"))
}

fn alias_names(e: &Entity) -> Vec<&str> {
    e.aliases.iter().map(|a| a.name.as_str()).collect()
}

fn strong_aliases(e: &Entity) -> Vec<&str> {
    e.aliases
        .iter()
        .filter(|a| !a.weak)
        .map(|a| a.name.as_str())
        .collect()
}

fn weak_aliases(e: &Entity) -> Vec<(&str, &str)> {
    e.aliases
        .iter()
        .filter(|a| a.weak)
        .map(|a| (a.name.as_str(), a.kind.as_deref().unwrap_or("")))
        .collect()
}

// ---------------------------------------------------------------------------
// OFAC: fixture (Windows-1252, CRLF, Ctrl-Z line, `-0- `, file names in
// mixed case)

fn fixture() -> OfacImport {
    ofac::import_dir(&root().join("tests/data/ofac/fixture")).unwrap()
}

#[test]
fn ofac_fixture_counts_and_orphans() {
    let got = fixture();
    let r = &got.report;
    assert_eq!(
        r.records,
        counts(&[
            ("person", 4),
            ("organization", 2),
            ("vessel", 1),
            ("aircraft", 1)
        ])
    );
    assert_eq!(
        r.aliases,
        counts(&[
            ("aka", 4),
            ("fka", 1),
            ("nka", 1),
            ("weak-aka", 2),
            ("weak-fka", 1)
        ])
    );
    assert_eq!(r.orphan_aliases, 1);
    assert_eq!(r.orphan_addresses, 1);
    assert_eq!(r.truncated_remarks, 0);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.sources["sdn.csv"], 8);
    assert_eq!(r.sources["ADD.CSV"], 3);
    let ids: Vec<&str> = got.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ofac-41736",
            "ofac-44544",
            "ofac-20157",
            "ofac-90001",
            "ofac-90002",
            "ofac-90003",
            "ofac-90004",
            "ofac-90005"
        ]
    );
}

#[test]
fn ofac_fixture_fields() {
    let got = fixture();
    let e = &got.entities;

    // Windows-1252 bytes (0xC1, 0xC9, 0xE9, 0xED, 0xDC) decoded; remarks parsed.
    let g = find(e, "ofac-90001");
    assert_eq!(g.name, "José María González Pérez");
    assert_eq!(g.name_order, Some(NameOrder::GivenFirst));
    assert_eq!(alias_names(g)[0], "GONZÁLEZ PÉREZ, José María");
    assert_eq!(
        weak_aliases(g),
        [("EL GÜÉRO", "weak-aka"), ("PEPE", "weak-fka")]
    );
    assert_eq!(g.properties["dob"], json!(["01 Jan 1970", "02 Feb 1971"]));
    assert_eq!(g.properties["nationality"], json!(["Mexico", "Spain"]));
    assert_eq!(g.properties["pob"], "Culiacán, Sinaloa, Mexico");
    assert_eq!(
        g.properties["addresses"],
        json!([{"city": "Culiacán", "country": "Mexico", "remarks": "old address"}])
    );

    // A quoted `-0- ` is empty too: SDN_Type → organization; programs split.
    let c = find(e, "ofac-90002");
    assert_eq!(c.kind, EntityType::Organization);
    assert_eq!(c.name, "CAFÉ ROYAL TRADING S.A.");
    assert_eq!(c.lists, ["SDGT", "IRAN"]);
    assert!(!c.properties.contains_key("remarks"));
    // fka and nka kinds; an alias equal to the name but for case is dropped.
    let kinds: Vec<(&str, Option<&str>)> = c
        .aliases
        .iter()
        .map(|a| (a.name.as_str(), a.kind.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("CAFE ROYAL TRADING", Some("fka")),
            ("ROYAL TRADING S.A.", Some("nka"))
        ]
    );

    let v = find(e, "ofac-90003");
    assert_eq!(v.kind, EntityType::Vessel);
    assert_eq!(v.lists, ["IRAN", "SDGT"]);
    for (k, want) in [
        ("imo", "9187629"),
        ("call_sign", "9HA1234"),
        ("vessel_type", "Crude Oil Tanker"),
        ("tonnage", "150,000"),
        ("grt", "80,000"),
        ("vessel_flag", "Panama"),
        ("vessel_owner", "CAFÉ ROYAL TRADING S.A."),
    ] {
        assert_eq!(v.properties[k], want, "{k}");
    }
    // The remarks' final full stop is not part of the linked name, but a
    // name's own final dot is kept ("S.A.").
    assert_eq!(
        v.properties["linked_to"],
        json!(["CAFÉ ROYAL TRADING S.A."])
    );
    assert_eq!(v.properties["linked_to_ids"], json!(["ofac-90002"]));

    let a = find(e, "ofac-90005");
    assert_eq!(a.kind, EntityType::Aircraft);
    assert_eq!(a.properties["vessel_type"], "Boeing 747");

    let li = find(e, "ofac-90004");
    assert_eq!(li.name, "Li Fangwei");
    assert_eq!(li.name_order, Some(NameOrder::FamilyFirst));

    let kim = find(e, "ofac-20157");
    assert_eq!(kim.name, "Kim Jong Un");
    assert_eq!(kim.name_order, Some(NameOrder::FamilyFirst));
    assert_eq!(alias_names(kim), ["KIM, Jong Un"]);
}

#[test]
fn ofac_malformed_row_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("tests/data/ofac/fixture/sdn.csv");
    let mut bytes = std::fs::read(src).unwrap();
    // Insert a short row as line 3.
    let second_crlf = bytes
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == b"\r\n")
        .nth(1)
        .unwrap()
        .0;
    let tail = bytes.split_off(second_crlf + 2);
    bytes.extend_from_slice(b"123,\"BROKEN ROW\",-0- \r\n");
    bytes.extend_from_slice(&tail);
    let path = dir.path().join("sdn.csv");
    std::fs::write(&path, bytes).unwrap();
    let err = ofac::import(&path, None, None).unwrap_err();
    assert_eq!(err.path(), path);
    assert_eq!(err.line(), Some(3));
    assert!(
        err.to_string().contains("expected 12 fields, found 3"),
        "{err}"
    );
}

#[test]
fn ofac_dir_without_sdn_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = ofac::import_dir(dir.path()).unwrap_err();
    assert!(err.to_string().contains("no sdn.csv"), "{err}");
}

// ---------------------------------------------------------------------------
// OFAC: the real files

fn real() -> &'static OfacImport {
    static R: OnceLock<OfacImport> = OnceLock::new();
    R.get_or_init(|| ofac::import_dir(&root().join("gazetteers/src/ofac")).unwrap())
}

#[test]
fn ofac_real_counts() {
    let r: &ImportReport = &real().report;
    // sdn.csv of 2024-05-03.
    assert_eq!(
        r.records,
        counts(&[
            ("person", 6854),
            ("organization", 6884),
            ("vessel", 851),
            ("aircraft", 376)
        ])
    );
    assert_eq!(r.total_records(), 14965);
    assert_eq!(real().entities.len(), 14965);
    assert_eq!(r.sources["alt.csv"], 20260);
    assert_eq!(r.sources["add.csv"], 24776);
    // alt.csv (2026): every row counted by type; 2,727 of them name no
    // record of this older sdn.csv, and 5,598 address rows.
    assert_eq!(r.aliases["aka"], 19712);
    assert_eq!(r.aliases["fka"], 531);
    assert_eq!(r.aliases["nka"], 17);
    assert_eq!(r.orphan_aliases, 2727);
    assert_eq!(r.orphan_addresses, 5598);
    // Weak aliases: 3,578 `a.k.a.` in the remarks, of which 3 are cut off
    // by OFAC's 1,000-character limit (`'WHOIS HACKIN`, `'snowsjo`, `'@`).
    assert_eq!(r.aliases["weak-aka"], 3575);
    assert_eq!(r.aliases["weak-fka"], 87);
    assert_eq!(r.aliases["weak-nka"], 1);
    assert_eq!(r.truncated_remarks, 18);
    assert_eq!(r.skipped.len(), 18);
}

#[test]
fn ofac_real_press_report_entities() {
    let e = &real().entities;

    let m = find(e, "ofac-41736");
    assert_eq!(m.name, "Ashot Mkrtychev");
    assert_eq!(m.kind, EntityType::Person);
    assert_eq!(m.lists, ["DPRK"]);
    assert_eq!(m.name_order, Some(NameOrder::GivenFirst));
    assert_eq!(
        strong_aliases(m),
        ["MKRTYCHEV, Ashot", "Asot Mkrtycev", "MKRTYCEV, Asot"]
    );
    assert_eq!(m.properties["dob"], json!(["07 May 1966"]));
    assert_eq!(m.properties["pob"], "Baku, Azerbaijan");
    assert_eq!(m.properties["citizenship"], json!(["Slovakia"]));
    assert_eq!(m.properties["gender"], "Male");
    assert_eq!(m.properties["addresses"][0]["country"], "Slovakia");

    let v = find(e, "ofac-44544");
    assert_eq!(v.name, "LIMITED LIABILITY COMPANY VERUS");
    assert_eq!(v.kind, EntityType::Organization);
    assert_eq!(v.lists, ["DPRK"]);
    assert_eq!(weak_aliases(v), [("LLC VERUS", "weak-aka")]);
    assert_eq!(strong_aliases(v), ["VERUS CONSULTING GROUP"]);
    assert_eq!(v.properties["linked_to"], json!(["MKRTYCHEV, Ashot"]));
    assert_eq!(v.properties["linked_to_ids"], json!(["ofac-41736"]));
    assert_eq!(v.properties["addresses"].as_array().unwrap().len(), 2);

    let d = find(e, "ofac-44578");
    assert_eq!(d.name, "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP");
    assert_eq!(d.lists, ["DPRK"]);
    assert_eq!(weak_aliases(d), [("DEFENSE ENGINEERING, TOO", "weak-aka")]);
    assert_eq!(strong_aliases(d), ["DEFENS INZHINIRING"]);
    assert_eq!(d.properties["addresses"][0]["country"], "Kazakhstan");

    let s = find(e, "ofac-44579");
    assert_eq!(s.name, "VERSOR S.R.O.");
    assert_eq!(s.kind, EntityType::Organization);
    assert_eq!(s.lists, ["DPRK"]);
    assert!(s.aliases.is_empty());
    assert_eq!(s.properties["linked_to_ids"], json!(["ofac-41736"]));
    assert_eq!(s.properties["addresses"][0]["city"], "Bratislava 82108");

    let p = find(e, "ofac-35096");
    assert_eq!(p.name, "Vladimir Vladimirovich Putin");
    assert_eq!(p.lists, ["RUSSIA-EO14024"]);
    assert_eq!(p.properties["title"], "President of the Russian Federation");
    assert_eq!(
        strong_aliases(p),
        [
            "PUTIN, Vladimir Vladimirovich",
            "Vladimir Putin",
            "PUTIN, Vladimir"
        ]
    );
    assert_eq!(p.aliases[1].kind.as_deref(), Some("aka"));
    assert_eq!(p.properties["dob"], json!(["07 Oct 1952"]));
    assert_eq!(p.properties["pob"], "Leningrad, Russia");
    assert_eq!(p.properties["nationality"], json!(["Russia"]));
    assert_eq!(p.properties["citizenship"], json!(["Russia"]));
    assert_eq!(p.properties["addresses"].as_array().unwrap().len(), 4);

    let k = find(e, "ofac-20157");
    assert_eq!(k.name, "Kim Jong Un");
    assert_eq!(k.name_order, Some(NameOrder::FamilyFirst));
    assert_eq!(k.lists, ["DPRK3"]);
    assert_eq!(alias_names(k), ["KIM, Jong Un"]);
    assert_eq!(
        k.properties["title"],
        "Chairman of the Workers' Party of Korea"
    );
    assert_eq!(k.properties["dob"], json!(["08 Jan 1984"]));
    assert!(k.properties["remarks"]
        .as_str()
        .unwrap()
        .starts_with("DOB 08 Jan 1984; Secondary sanctions risk"));
}

#[test]
fn ofac_real_more_entities() {
    let e = &real().entities;

    // A vessel: IMO from the remarks, vessel columns, weak former names.
    let v = find(e, "ofac-4243");
    assert_eq!((v.name.as_str(), &v.kind), ("EBANO", &EntityType::Vessel));
    assert_eq!(v.properties["imo"], "7406784");
    assert_eq!(v.properties["vessel_flag"], "Panama");
    assert_eq!(v.properties["vessel_type"], "General Cargo");
    assert_eq!(v.properties["tonnage"], "2595");
    assert_eq!(v.properties["grt"], "1865");
    assert_eq!(
        weak_aliases(v),
        [("ANA I", "weak-fka"), ("SAND SWAN", "weak-fka")]
    );

    // An aircraft linked to its operator.
    let a = find(e, "ofac-15431");
    assert_eq!(
        (a.name.as_str(), &a.kind),
        ("EP-GOM", &EntityType::Aircraft)
    );
    assert_eq!(a.properties["linked_to"], json!(["POUYA AIR"]));
    assert_eq!(a.properties["linked_to_ids"], json!(["ofac-13109"]));

    // Hong Kong with an English given name: both orders, the family-first
    // one marked.
    let c = find(e, "ofac-29249");
    assert_eq!(c.name, "Carrie Lam");
    assert_eq!(c.name_order, Some(NameOrder::GivenFirst));
    let lam = c.aliases.iter().find(|a| a.name == "Lam Carrie").unwrap();
    assert_eq!(lam.order, Some(NameOrder::FamilyFirst));
    assert!(alias_names(c).contains(&"Lam Cheng Yuet-ngor"));
    assert_eq!(c.properties["nationality"], json!(["Hong Kong"]));

    // Truncated remarks: the cut-off weak alias is left out.
    let l = find(e, "ofac-27307");
    assert_eq!(l.properties["remarks_truncated"], true);
    assert_eq!(weak_aliases(l).len(), 4);
    assert!(!alias_names(l).iter().any(|n| n.starts_with("WHOIS")));

    // Weak aliases with inner apostrophes; an individual's many forms.
    let d = find(e, "ofac-7831");
    assert_eq!(d.name, "Lionel Dumont");
    assert_eq!(d.properties["dob"].as_array().unwrap().len(), 3);
    assert!(weak_aliases(d).contains(&("LAJONEL DIMON", "weak-aka")));

    // Every record: an id from ent_num, a non-empty name, no alias equal
    // to the name.
    for x in e {
        assert!(x.id.starts_with("ofac-") && x.id[5..].parse::<u64>().is_ok());
        assert!(!x.name.trim().is_empty());
        for a in &x.aliases {
            assert_ne!(a.name.to_lowercase(), x.name.to_lowercase(), "{}", x.id);
        }
    }
    let ff = e
        .iter()
        .filter(|x| x.name_order == Some(NameOrder::FamilyFirst))
        .count();
    assert!((250..400).contains(&ff), "{ff} family-first names");
}

#[test]
fn ofac_matched_set_2021_has_no_orphans() {
    let got = ofac::import_dir(&root().join("tests/data/ofac/2021-04")).unwrap();
    let r = &got.report;
    assert_eq!(r.orphan_aliases, 0);
    assert_eq!(r.orphan_addresses, 0);
    assert_eq!(
        r.records,
        counts(&[
            ("person", 4566),
            ("organization", 3644),
            ("vessel", 403),
            ("aircraft", 277)
        ])
    );
    assert_eq!(r.aliases["aka"], 11358);
    assert_eq!(r.aliases["fka"], 366);
    assert_eq!(r.aliases["nka"], 18);
    assert_eq!(r.sources["alt.csv"], 11742);
    assert_eq!(r.sources["add.csv"], 13761);
    let k = find(&got.entities, "ofac-20157");
    assert_eq!(k.name, "Kim Jong Un");
    assert!(!got.entities.iter().any(|e| e.id == "ofac-35096"));
}

#[test]
fn ofac_output_round_trips_through_native_format() {
    let got = fixture();
    let mut buf = Vec::new();
    native::write(&mut buf, &got.entities).unwrap();
    let back = native::read(&buf[..], Path::new("ofac.jsonl")).unwrap();
    let back: Vec<Entity> = back.into_iter().map(|(_, e)| e).collect();
    assert_eq!(back, got.entities);
}

// ---------------------------------------------------------------------------
// Officials: fixtures

#[test]
fn officials_fixture() {
    let (e, r) = officials::import_all(&root().join("tests/data/officials")).unwrap();
    assert_eq!(r.sources[officials::US_CONGRESS], 3);
    assert_eq!(r.sources[officials::US_EXECUTIVE], 4);
    assert_eq!(r.sources[officials::WIKIDATA_CABINET], 3);
    assert_eq!(r.sources[officials::CIA_2019], 7);
    // The Saudi head-of-state cell is a known error, skipped and reported.
    assert_eq!(r.skipped.len(), 1);
    assert!(r.skipped[0].reason.contains("Mohammed bin Salman"));

    // A congress member without a Wikidata id keeps the bioguide id.
    let g = e.iter().find(|x| x.name.contains("Gallagher")).unwrap();
    assert!(g.id.starts_with("us-bioguide-"), "{}", g.id);

    // Biden: executive + Wikidata leaders, one entity by QID.
    let b = find(&e, "wd-Q6279");
    assert_eq!(
        b.lists,
        [officials::US_EXECUTIVE, officials::WIKIDATA_LEADERS]
    );
    // Washington has no QID in executive.yaml: a bioguide id.
    let w = e.iter().find(|x| x.name == "George Washington").unwrap();
    assert!(w.id.starts_with("us-bioguide-"), "{}", w.id);

    // The CIA's Chang Hsiao-yueh, with her a.k.a.
    let c = e.iter().find(|x| x.name == "Chang Hsiao-yueh").unwrap();
    assert!(c.id.starts_with("cia-taiwan-"), "{}", c.id);
    assert_eq!(c.name_order, Some(NameOrder::FamilyFirst));
    assert!(alias_names(c).contains(&"Catharine Chang"));

    // Medvedev is only in the CIA file here: not merged into anyone.
    let m = e.iter().find(|x| x.name.contains("Medvedev")).unwrap();
    assert_eq!(m.lists, [officials::CIA_2019]);
    assert!(alias_names(m).contains(&"Dmitriy Medvedev"));

    // Every entity is a person with a country and at least one role.
    for x in &e {
        assert_eq!(x.kind, EntityType::Person);
        assert!(x.properties["country"]
            .as_str()
            .is_some_and(|c| !c.is_empty()));
        assert!(
            !x.properties["roles"].as_array().unwrap().is_empty(),
            "{}",
            x.id
        );
    }
}

// ---------------------------------------------------------------------------
// Officials: the real files

fn real_officials() -> &'static (Vec<Entity>, ImportReport) {
    static R: OnceLock<(Vec<Entity>, ImportReport)> = OnceLock::new();
    R.get_or_init(|| officials::import_all(&root().join("gazetteers/src/officials")).unwrap())
}

fn roles(e: &Entity) -> &Vec<Value> {
    e.properties["roles"].as_array().unwrap()
}

#[test]
fn officials_real_counts() {
    let (e, r) = real_officials();
    assert_eq!(r.sources[officials::US_CONGRESS], 537);
    assert_eq!(r.sources[officials::US_EXECUTIVE], 80);
    // 424 rows, 391 distinct people.
    assert_eq!(r.sources[officials::WIKIDATA_LEADERS], 391);
    // 217 rows, 200 people over seven cabinets.
    assert_eq!(r.sources[officials::WIKIDATA_CABINET], 200);
    // 5,346 distinct names; two of them in two countries each.
    assert_eq!(r.sources[officials::CIA_2019], 5348);
    // 30 files, 60 positions, less empty, duplicate and known-wrong cells.
    assert_eq!(r.sources[officials::WORLD_LEADERS_2026], 45);
    assert_eq!(r.total_records(), e.len());
    assert_eq!(r.records["person"], e.len());
    // Each merge removes one entity.
    let read: usize = r.sources.values().sum();
    assert_eq!(read - r.merged, e.len());
    assert_eq!(e.len(), 6359);
    // (Twelve of them monarchs the CIA names otherwise than Wikidata's
    // label: `Harald V`, `Harald V of Norway`.)
    assert_eq!(r.merged, 242);
    // John F. Kennedy (no QID in executive.yaml) is not merged into the
    // senator John Kennedy of Louisiana: their dates of birth differ.
    let kennedys: Vec<&str> = e
        .iter()
        .filter(|x| x.name == "John Kennedy")
        .map(|x| x.properties["birth_date"].as_str().unwrap())
        .collect();
    assert_eq!(kennedys, ["1951-11-21", "1917-05-29"]);
    // Nor are the two presidents George Bush (and the two John Adams) one.
    let bushes = e.iter().filter(|x| x.name == "George Bush").count();
    assert_eq!(bushes, 2);
    let per_list = |l: &str| e.iter().filter(|x| x.lists.iter().any(|y| y == l)).count();
    assert_eq!(per_list(officials::US_CONGRESS), 537);
    assert_eq!(per_list(officials::US_EXECUTIVE), 80);
    assert_eq!(per_list(officials::WIKIDATA_LEADERS), 391);
    // CIA people merged into Wikidata or world-leaders entities by name
    // and country.
    assert_eq!(per_list(officials::CIA_2019), 5333);
    let cia_merged = e
        .iter()
        .filter(|x| x.lists.len() > 1 && x.lists.iter().any(|y| y == officials::CIA_2019))
        .count();
    assert_eq!(cia_merged, 199);
    // Ids are unique.
    let mut ids: Vec<&str> = e.iter().map(|x| x.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), e.len());
}

#[test]
fn officials_real_biden() {
    let (e, _) = real_officials();
    let b = find(e, "wd-Q6279");
    assert_eq!(b.name, "Joe Biden");
    assert_eq!(
        b.lists,
        [officials::US_EXECUTIVE, officials::WIKIDATA_LEADERS]
    );
    let names = alias_names(b);
    for n in [
        "Joseph Biden",
        "Joseph Robinette Biden Jr.",
        "Joseph Biden Jr.",
    ] {
        assert!(names.contains(&n), "{n} not in {names:?}");
    }
    assert_eq!(b.properties["bioguide"], "B000444");
    assert_eq!(b.properties["birth_date"], "1942-11-20");
    assert_eq!(b.properties["country"], "United States");
    let r = roles(b);
    // Vice president 2009–2017 (two terms, one role) and president
    // 2021–2025, both past in the 2026 data; president in Wikidata's 2022.
    assert_eq!(r[0]["role"], "Vice President of the United States");
    assert_eq!(
        (r[0]["start"].as_str(), r[0]["end"].as_str()),
        (Some("2009-01-20"), Some("2017-01-20"))
    );
    assert_eq!(r[0]["current"], false);
    assert_eq!(r[1]["role"], "President of the United States");
    assert_eq!(r[1]["end"], "2025-01-20");
    assert_eq!(r[1]["current"], false);
    assert_eq!(r[1]["source"], "us-executive");
    assert_eq!(r[2]["source"], "wikidata-leaders");
    assert_eq!(r[2]["current"], true);
    assert_eq!(r[2]["as_of"], "2022-10-09");
}

#[test]
fn officials_real_congress_names_the_press_uses() {
    let (e, _) = real_officials();
    // Wikipedia's title for a member: a given name and the family name.
    let coons = alias_names(find(e, "wd-Q923242"));
    assert!(coons.contains(&"Chris Coons"), "{coons:?}");
    assert!(alias_names(find(e, "wd-Q721871")).contains(&"Jim Risch"));
    // Not a title with a disambiguator, whose words are no name.
    let kennedy = e
        .iter()
        .find(|x| x.name == "John Kennedy" && x.properties["birth_date"] == "1951-11-21")
        .unwrap();
    assert!(alias_names(kennedy).iter().all(|n| !n.contains('(')));
}

#[test]
fn officials_real_putin_is_one_entity() {
    let (e, _) = real_officials();
    let putins: Vec<&Entity> = e
        .iter()
        .filter(|x| x.name.contains("Putin") || alias_names(x).iter().any(|n| n.contains("Putin")))
        .collect();
    assert_eq!(
        putins.len(),
        1,
        "{:?}",
        putins.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    let p = putins[0];
    assert_eq!(p.id, "wd-Q7747");
    assert_eq!(p.name, "Vladimir Putin");
    assert_eq!(
        p.lists,
        [
            officials::WIKIDATA_LEADERS,
            officials::WORLD_LEADERS_2026,
            officials::CIA_2019
        ]
    );
    let native: Vec<&str> = p
        .aliases
        .iter()
        .filter(|a| a.kind.as_deref() == Some("native"))
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(native, ["Владимир Владимирович Путин"]);
    assert!(alias_names(p).contains(&"Vladimir Vladimirovich Putin"));
    assert_eq!(p.properties["country"], "Russia");
    assert_eq!(p.properties["birth_date"], "1952-10-07");
    let sources: Vec<&str> = roles(p)
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["wikidata-leaders", "world-leaders-2026", "cia-2019"]
    );
}

#[test]
fn officials_real_kim_jong_un() {
    let (e, _) = real_officials();
    let k = find(e, "wd-Q56226");
    assert_eq!(k.name, "Kim Jong-un");
    assert_eq!(k.name_order, Some(NameOrder::FamilyFirst));
    assert_eq!(k.properties["country"], "North Korea");
    assert_eq!(k.lists, [officials::WIKIDATA_LEADERS, officials::CIA_2019]);
    let titles: Vec<&str> = roles(k)
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Supreme Leader of North Korea"));
    assert!(titles.contains(&"Chairman of State Affairs Commission (SAC)"));
    // Kim Jong Il (died 2011) is still listed by the CIA in 2019: kept,
    // as a separate person.
    assert!(e
        .iter()
        .any(|x| x.name == "Kim Jong Il" && x.id.starts_with("cia-")));
    // The CIA upper-cases the personal name of Vietnamese officials
    // (`Nguyen Phu TRONG`): still family name first, no "Nguyen Trong".
    let t = find(e, "cia-vietnam-nguyen-phu-trong");
    assert_eq!(t.name, "Nguyen Phu Trong");
    assert_eq!(t.name_order, Some(NameOrder::FamilyFirst));
    assert!(t.aliases.is_empty());
    // Xi Jinping: three sources, native name.
    let xi = find(e, "wd-Q15031");
    assert_eq!(xi.lists.len(), 3);
    assert_eq!(xi.name_order, Some(NameOrder::FamilyFirst));
    assert!(alias_names(xi).contains(&"习近平"));
}

#[test]
fn curated_officials_load_and_cite_sources() {
    let path = root().join("gazetteers/officials-curated.jsonl");
    let got = native::read_file(&path).unwrap();
    let ids: Vec<&str> = got.iter().map(|(_, e)| e.id.as_str()).collect();
    assert_eq!(ids, ["curated-brian-e-nelson", "curated-vedant-patel"]);
    for (_, e) in &got {
        assert_eq!(e.kind, EntityType::Person);
        assert_eq!(e.lists, ["official:curated"]);
        assert_eq!(e.properties["country"], "United States");
        assert!(e.properties["source"]
            .as_str()
            .unwrap()
            .starts_with("https://"));
        assert!(e.properties["as_of"].as_str().unwrap().len() >= 7);
        assert!(e.properties["role"].as_str().is_some());
    }
    assert_eq!(alias_names(&got[0].1), ["Brian Nelson"]);
}

/// Each bundled list is what its importer writes from the published files
/// under `gazetteers/src/` today: a change to an importer is not done until
/// the bundled file is rebuilt (`gazetteers/SOURCES.md`, *Refresh*).
#[test]
fn bundled_lists_are_what_the_importers_write() {
    use gazex::gazetteer::load::{import, ImportFormat};
    let cases = [
        (
            ImportFormat::OfacCsv,
            "gazetteers/src/ofac",
            "ofac-sdn.jsonl",
        ),
        (
            ImportFormat::Officials,
            "gazetteers/src/officials",
            "officials.jsonl",
        ),
        (
            ImportFormat::UnSc,
            "gazetteers/src/un-sc/consolidated.xml",
            "un-sc.jsonl",
        ),
    ];
    for (format, input, bundled) in cases {
        let entities = import(format, &[root().join(input)], &mut |_| {}).unwrap();
        let mut written = Vec::new();
        native::write(&mut written, &entities).unwrap();
        let on_disk = std::fs::read(root().join("gazetteers").join(bundled)).unwrap();
        assert!(
            written == on_disk,
            "gazetteers/{bundled} differs from what the importer writes from {input}: rebuild it \
             (gazetteers/SOURCES.md, Refresh)"
        );
    }
}
