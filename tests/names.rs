//! `gazex gazetteer names`: the common-name decision per name, on the
//! bundled lists.

use std::process::Command;

fn names(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["gazetteer", "names"])
        .args(args)
        .output()
        .expect("gazex runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn common_and_rare_names_say_why() {
    let out = names(&["--entity", "wd-Q350916", "--entity", "ofac-35096"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "entity_id\tname\tdecision\twords");
    assert!(
        lines.contains(&"wd-Q350916\tAdam Smith\tcommon\tadam:given smith:surname"),
        "{out}"
    );
    assert!(
        lines.contains(&"ofac-35096\tVladimir Putin\trare\tvladimir:given putin:rare"),
        "{out}"
    );
    // Only these two entities.
    assert!(lines[1..]
        .iter()
        .all(|l| l.starts_with("wd-Q350916\t") || l.starts_with("ofac-35096\t")));
    // --common leaves the rare names out.
    let common = names(&[
        "--entity",
        "wd-Q350916",
        "--entity",
        "ofac-35096",
        "--common",
    ]);
    assert_eq!(common.lines().count(), 2, "{common}");
}
