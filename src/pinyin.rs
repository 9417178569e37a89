//! Chinese names in the two romanizations the press has used: Hanyu Pinyin
//! (the lists' and today's: "Xi Jinping", "Li Keqiang") and Wade-Giles
//! (older papers', Taiwan's and Hong Kong's: "Hsi Chin-ping", "Li
//! K'o-ch'iang").
//!
//! [`syllables`] splits a folded word into Pinyin syllables ("jinping":
//! "jin", "ping"); [`wade_giles`] writes one syllable in Wade-Giles as the
//! press prints it folded: without the aspiration marks and the umlaut,
//! which folding drops anyway ("qiang": "chiang", "xu": "hsu").
//! [`crate::variants`] uses both to give a Chinese listed name its other
//! written forms.
//!
//! ```
//! use gazex::pinyin::{syllables, wade_giles};
//! assert_eq!(syllables("jinping"), Some(vec!["jin", "ping"]));
//! assert_eq!(syllables("keqiang"), Some(vec!["ke", "qiang"]));
//! assert_eq!(syllables("smith"), None);
//! assert_eq!(wade_giles("xi"), "hsi");
//! assert_eq!(wade_giles("jin"), "chin");
//! assert_eq!(wade_giles("ke"), "ko");
//! assert_eq!(wade_giles("qiang"), "chiang");
//! assert_eq!(wade_giles("zhou"), "chou");
//! assert_eq!(wade_giles("deng"), "teng");
//! assert_eq!(wade_giles("luo"), "lo");
//! assert_eq!(wade_giles("zedong"), "zedong"); // (one syllable at a time)
//! ```

/// Every syllable of Hanyu Pinyin, folded (no tones; "ü" written "v" as
/// in typing, and "u" as the press prints it after "l" and "n": "lv",
/// "lu"), sorted.
const SYLLABLES: &[&str] = &[
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce",
    "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi", "chong",
    "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui", "chun", "chuo", "ci", "cong", "cou",
    "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan", "dang", "dao", "de", "dei", "den",
    "deng", "di", "dia", "dian", "diao", "die", "ding", "diu", "dong", "dou", "du", "duan", "dui",
    "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen", "feng", "fo",
    "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou",
    "gu", "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao",
    "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui", "hun",
    "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju",
    "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong",
    "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai", "lan", "lang",
    "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin", "ling", "liu",
    "long", "lou", "lu", "luan", "lue", "lun", "luo", "lv", "lve", "ma", "mai", "man", "mang",
    "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min", "ming", "miu", "mo",
    "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian",
    "niang", "niao", "nie", "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nue", "nuo", "nv",
    "nve", "o", "ou", "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian",
    "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi", "qia", "qian", "qiang", "qiao", "qie",
    "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun", "ran", "rang", "rao", "re", "ren",
    "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui", "run", "ruo", "sa", "sai", "san",
    "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei",
    "shen", "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun",
    "shuo", "si", "song", "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang",
    "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan", "tui",
    "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", "xi", "xia",
    "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan", "xue", "xun",
    "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu", "yuan",
    "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai",
    "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua",
    "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui",
    "zun", "zuo",
];

/// Whether a folded word is one Pinyin syllable.
pub fn is_syllable(w: &str) -> bool {
    SYLLABLES.binary_search(&w).is_ok()
}

/// The Pinyin syllables a folded word is written with, or `None` when it
/// is no run of syllables. Inside a word a syllable opens with a
/// consonant: Pinyin marks one that opens with `a`, `e` or `o` with an
/// apostrophe ("Xi'an"), so "jinan" is "ji" "nan" and "lee" no run at all;
/// of two splits, the longest syllable first ("xian" is one syllable).
pub fn syllables(word: &str) -> Option<Vec<&str>> {
    fn split<'a>(w: &'a str, inside: bool, out: &mut Vec<&'a str>) -> bool {
        if w.is_empty() {
            return true;
        }
        for len in (1..=w.len().min(6)).rev() {
            if !w.is_char_boundary(len) {
                continue;
            }
            let (head, tail) = w.split_at(len);
            let vowel = matches!(head.as_bytes()[0], b'a' | b'e' | b'o');
            if is_syllable(head) && !(inside && vowel) {
                out.push(head);
                if split(tail, true, out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }
    let mut out = Vec::new();
    (!word.is_empty() && split(word, false, &mut out)).then_some(out)
}

/// One Pinyin syllable written in Wade-Giles as the press prints it
/// folded (no apostrophe, no umlaut): "xi" "hsi", "jin" "chin", "zhou"
/// "chou", "zi" "tzu", "ri" "jih", "guo" "kuo", "luo" "lo", "he" "ho",
/// "jian" "chien", "xie" "hsieh", "long" "lung", "gui" "kuei", "xu"
/// "hsu", "yi" "i", "you" "yu", "er" "erh". A word that is not one
/// syllable comes back as it is.
pub fn wade_giles(syl: &str) -> String {
    if !is_syllable(syl) {
        return syl.to_string();
    }
    // Whole syllables of their own.
    match syl {
        "zhi" | "chi" => return "chih".into(),
        "shi" => return "shih".into(),
        "ri" => return "jih".into(),
        "zi" | "ci" => return "tzu".into(),
        "si" => return "ssu".into(),
        "er" => return "erh".into(),
        "e" => return "o".into(),
        "yi" => return "i".into(),
        "you" => return "yu".into(),
        "yan" => return "yen".into(),
        "ye" => return "yeh".into(),
        "yong" => return "yung".into(),
        "yue" => return "yueh".into(),
        _ => {}
    }
    let (initial, fin) = split_initial(syl);
    // The final, as Wade-Giles writes it after this initial.
    let fin: String = match fin {
        "ian" => "ien".into(),
        "ie" => "ieh".into(),
        "ong" => "ung".into(),
        "iong" => "iung".into(),
        "ue" | "ve" => "ueh".into(),
        "v" => "u".into(),
        "ui" if matches!(initial, "g" | "k") => "uei".into(),
        "uo" if !matches!(initial, "g" | "k" | "h" | "sh" | "w") => "o".into(),
        "e" if matches!(initial, "g" | "k" | "h") => "o".into(),
        f => f.into(),
    };
    let initial = match initial {
        "b" => "p",
        "d" => "t",
        "g" => "k",
        "j" | "q" | "zh" => "ch",
        "x" => "hs",
        "r" => "j",
        "z" | "c" => "ts",
        i => i,
    };
    format!("{initial}{fin}")
}

/// A syllable's initial consonant(s) and final.
fn split_initial(syl: &str) -> (&str, &str) {
    for two in ["zh", "ch", "sh"] {
        if let Some(rest) = syl.strip_prefix(two) {
            return (two, rest);
        }
    }
    match syl.as_bytes().first() {
        Some(b'a' | b'e' | b'o') | None => ("", syl),
        Some(_) => syl.split_at(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_syllables_are_sorted_and_unique() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_of_the_press_in_wade_giles() {
        let wg = |name: &str| -> String {
            name.split(' ')
                .map(|w| {
                    syllables(w)
                        .unwrap()
                        .iter()
                        .map(|s| wade_giles(s))
                        .collect::<Vec<_>>()
                        .join("-")
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(wg("mao zedong"), "mao tse-tung");
        assert_eq!(wg("zhou enlai"), "chou en-lai");
        assert_eq!(wg("deng xiaoping"), "teng hsiao-ping");
        assert_eq!(wg("jiang jingguo"), "chiang ching-kuo");
        assert_eq!(wg("xia baolong"), "hsia pao-lung");
        assert_eq!(wg("luo huining"), "lo hui-ning");
        assert_eq!(wg("li keqiang"), "li ko-chiang");
        assert_eq!(wg("sun yixian"), "sun i-hsien");
        assert_eq!(wg("liu shaoqi"), "liu shao-chi");
        assert_eq!(wg("zhu rongji"), "chu jung-chi");
        assert_eq!(wg("hu jintao"), "hu chin-tao");
        assert_eq!(wg("wang yi"), "wang i");
        assert_eq!(wg("guo boxiong"), "kuo po-hsiung");
        assert_eq!(wg("xu caihou"), "hsu tsai-hou");
        assert_eq!(wg("zhao ziyang"), "chao tzu-yang");
        assert_eq!(wg("gui"), "kuei");
    }

    #[test]
    fn words_that_are_no_run_of_syllables() {
        for w in ["smith", "lam", "chiu", "hsi", "kim", "lee", ""] {
            assert_eq!(syllables(w), None, "{w}");
        }
        // The longest syllable first.
        assert_eq!(syllables("xian"), Some(vec!["xian"]));
        assert_eq!(syllables("huining"), Some(vec!["hui", "ning"]));
        // A syllable inside a word opens with a consonant where it can.
        assert_eq!(syllables("jinan"), Some(vec!["ji", "nan"]));
        assert_eq!(syllables("xian"), Some(vec!["xian"]));
    }
}
