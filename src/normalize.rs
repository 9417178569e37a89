//! Folding text into a stream of normalized tokens, with a map back to the
//! original bytes.
//!
//! Names are matched on *tokens*, not on raw characters. [`normalize_into`]
//! cuts a text into word tokens and writes each one, folded, into a
//! *stream*: a string that starts with a space and holds every token
//! followed by one space (`" brian nelson said "`). Patterns are normalized
//! the same way, so a name matches wherever its tokens appear in a row, and
//! every match in the stream starts and ends on token boundaries. Each
//! [`Token`] keeps its byte span in the original text: a mention's offsets
//! are the first token's start and the last token's end, never positions in
//! the folded copy.
//!
//! # What is folded
//!
//! - Case (Unicode, not only ASCII: `ВЕРУС` = `верус`) and compatibility
//!   forms (full-width letters, ligatures).
//! - Diacritics (`Dériaska` = `Deriaska`, `ё` = `е`) and a few letters that
//!   do not decompose (`ß`→`ss`, `ø`→`o`, `ł`→`l`, `æ`→`ae`, …).
//! - Punctuation between tokens, whitespace of any kind and length, line
//!   breaks: all the same separator. Typographic and ASCII apostrophes,
//!   quotes and dashes are alike because none of them is part of a token.
//! - Apostrophes inside a word are dropped (`O’Brien` = `OBrien`); a
//!   possessive `’s` or trailing `’` is not part of the token.
//! - Hyphens separate tokens (`Jong-un` = `Jong Un`), except a hyphen at a
//!   line end before a lower-case letter, which joins (`Mkry-\nchev`).
//! - Dotted acronyms are one token (`S.R.O.` = `s.r.o.` = `SRO`, `U.S.`).
//! - A single letter followed by a dot (a middle initial, `E.`) is left out
//!   of the stream, so `Brian E. Nelson` matches `Brian Nelson`; it stays
//!   inside a match's span when it sits between matched tokens. So are two
//!   dotted capitals written together between two capitalized words
//!   (`George H.W. Bush`).
//! - Han and kana characters are one token each (those scripts do not put
//!   spaces between words).
//!
//! # Barriers
//!
//! A name never spans brackets, `;`, `:`, `!`, `?`, a blank line
//! (paragraph break), or a dash right after a closing quotation mark
//! (`"Abu Hafs al-Masri" - Abu Hafs the Egyptian`): these put a `|` into
//! the stream, which no pattern contains. The brackets of a legal form's qualifier are no barrier:
//! `Sakunda Holdings (Private) Limited`, `(Pvt) Ltd`, `(Pty) Ltd`; nor are
//! those of a place inside a name, between capitalized words
//! (`Hongxiang Marine (Hong Kong) Ltd.`). E-mail addresses and URLs are left out of the stream whole,
//! so a name inside `press@verus.example` is never found.
//!
//! ```
//! use gazex::normalize::{normalize, TokenFlags};
//! let text = "Under Secretary Brian E. Nelson’s office (OFAC)";
//! let n = normalize(text);
//! assert_eq!(n.stream(), " under secretary brian nelson office | ofac | ");
//! let nelson = &n.tokens()[3];
//! assert_eq!(&text[nelson.start as usize..nelson.end as usize], "Nelson");
//! assert!(nelson.flags.contains(TokenFlags::CAPITALIZED));
//! ```

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Shape of a token as written in the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TokenFlags(u8);

impl TokenFlags {
    /// The first letter is upper case (`Nelson`, `NELSON`).
    pub const CAPITALIZED: TokenFlags = TokenFlags(1);
    /// Two or more letters, none of them lower case (`NELSON`, `LLC`).
    pub const ALL_CAPS: TokenFlags = TokenFlags(2);
    /// The first letter is lower case (`verus`).
    pub const LOWERCASE: TokenFlags = TokenFlags(4);
    /// The token starts a sentence (start of text or paragraph, or after
    /// `.`, `!`, `?` that ends a sentence).
    pub const SENTENCE_START: TokenFlags = TokenFlags(8);
    /// The token is the first on its line.
    pub const LINE_START: TokenFlags = TokenFlags(16);
    /// The token has at least one digit.
    pub const DIGIT: TokenFlags = TokenFlags(32);
    /// The token has a letter that English transliterations write with an
    /// `h` (`š ș ş ž č`: "Șor" is the press's "Shor"); see
    /// [`Normalized::hushed`].
    pub const HUSHING: TokenFlags = TokenFlags(64);

    /// No flag set.
    pub const fn empty() -> TokenFlags {
        TokenFlags(0)
    }

    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: TokenFlags) -> bool {
        self.0 & other.0 == other.0
    }

    fn insert(&mut self, other: TokenFlags) {
        self.0 |= other.0;
    }
}

/// One word of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first byte in the original text.
    pub start: u32,
    /// Byte offset just past the token's last byte in the original text.
    pub end: u32,
    /// Byte offset of the folded token in the stream.
    pub norm_start: u32,
    /// Byte offset just past the folded token in the stream.
    pub norm_end: u32,
    /// How the token is written.
    pub flags: TokenFlags,
}

/// A text cut into tokens: the folded stream and the tokens' spans.
///
/// Reuse one value across documents with [`normalize_into`] to keep its
/// buffers.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The stream while [`normalize_into`] writes it; empty otherwise.
    stream: Vec<u8>,
    /// The stream once written, checked as UTF-8 once (one pass over the
    /// whole), so that a token's text is a slice of it, not checked at
    /// every read. The two fields hand one buffer back and forth.
    folded: String,
    tokens: Vec<Token>,
    /// Tokens flagged [`TokenFlags::HUSHING`], each with its spelling in
    /// English transliteration.
    hushed: Vec<(u32, Box<[u8]>)>,
}

impl Normalized {
    /// An empty value, ready for [`normalize_into`].
    pub fn new() -> Normalized {
        Normalized::default()
    }

    /// The folded stream: a space, then every token followed by a space
    /// (`|` tokens mark barriers).
    #[inline]
    pub fn stream(&self) -> &str {
        &self.folded
    }

    /// The stream as bytes.
    #[inline]
    pub fn stream_bytes(&self) -> &[u8] {
        self.folded.as_bytes()
    }

    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The folded text of token `i`.
    #[inline]
    pub fn token_text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.folded[t.norm_start as usize..t.norm_end as usize]
    }

    /// The folded text of token `i`, as bytes.
    #[inline]
    pub fn token_bytes(&self, i: usize) -> &[u8] {
        let t = &self.tokens[i];
        &self.folded.as_bytes()[t.norm_start as usize..t.norm_end as usize]
    }

    /// Whether a barrier (bracket, `;`, paragraph break, …) stands between
    /// token `i` and the next one.
    pub fn barrier_after(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        self.folded.as_bytes().get(t.norm_end as usize + 1) == Some(&b'|')
    }

    /// The index of the token that starts at stream offset `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&(pos as u32), |t| t.norm_start)
            .ok()
    }

    /// The folded tokens joined by single spaces (no barriers): the key
    /// under which a name is compiled.
    pub fn key(&self) -> String {
        let mut s = String::new();
        for i in 0..self.tokens.len() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.token_text(i));
        }
        s
    }

    /// Empties the value for writing: the buffer of the last stream is
    /// written again.
    fn clear(&mut self) {
        self.stream = std::mem::take(&mut self.folded).into_bytes();
        self.stream.clear();
        self.tokens.clear();
        self.hushed.clear();
    }

    /// The tokens with a letter English transliterations write with an `h`
    /// ([`TokenFlags::HUSHING`]), in text order, each with its folded
    /// spelling so: "Șor" → `shor`, "Žilina" → `zhilina`, "Čech" →
    /// `chech`, and the Finnish and Estonian "tš" → `ch` ("Timtšenko" →
    /// `timchenko`). The stream folds them as readers of the language do
    /// (`sor`); this is how an English list writes the same name.
    ///
    /// ```
    /// use gazex::normalize::normalize;
    /// let n = normalize("Ilan Șor and Vladimir Plahotniuc");
    /// assert_eq!(n.token_text(1), "sor");
    /// assert_eq!(n.hushed(), &[(1, b"shor".to_vec().into_boxed_slice())]);
    /// let n = normalize("Gennadi Timtšenko");
    /// assert_eq!(n.hushed(), &[(1, b"timchenko".to_vec().into_boxed_slice())]);
    /// ```
    pub fn hushed(&self) -> &[(u32, Box<[u8]>)] {
        &self.hushed
    }
}

/// Normalizes `text` into a new [`Normalized`].
pub fn normalize(text: &str) -> Normalized {
    let mut n = Normalized::new();
    normalize_into(text, &mut n);
    n
}

/// Normalizes `text` into a buffer kept per thread and hands the result
/// to `f`: [`normalize`] without allocating a new [`Normalized`] (its
/// stream and tokens) for every call, which for the short texts of names
/// cost as much as the folding (every name of every list is folded at
/// start-up). A call made from inside `f` gets a new buffer.
pub fn with_normalized<R>(text: &str, f: impl FnOnce(&Normalized) -> R) -> R {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Normalized> =
            std::cell::RefCell::new(Normalized::new());
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut n) => {
            normalize_into(text, &mut n);
            f(&n)
        }
        Err(_) => f(&normalize(text)),
    })
}

/// Folds a whole name the way text is folded, returning its tokens joined
/// by single spaces (`"KIM, Jong-un"` → `"kim jong un"`).
pub fn fold_name(name: &str) -> String {
    with_normalized(name, Normalized::key)
}

/// The folded tokens of a name written in plain ASCII, cut and folded
/// byte by byte as [`normalize`] cuts and folds them, without its
/// classes, state and stream: words of ASCII letters and digits, parted
/// by spaces, commas and hyphens, each in lower case with its spelling
/// folded ([`fold_spelling`]), and a dot after a word (an initial's,
/// "J.", left out with it; an abbreviation's, "Ltd.", not). `None` for
/// any other name (another byte, a dot not after a word or before a
/// letter or digit: "S.R.O."), or one of more than
/// [`PLAIN_NAME_WORDS`] words: [`normalize`] it. Most names of the lists
/// are such names, and every name is folded at start-up.
pub(crate) fn plain_name_tokens(name: &str) -> Option<Vec<String>> {
    let b = name.as_bytes();
    // The words' spans, all found before any is copied.
    let mut spans = [(0u32, 0u32); PLAIN_NAME_WORDS];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match PLAIN[b[i] as usize] {
            Plain::Word => {
                let start = i;
                i += 1;
                while i < b.len() && PLAIN[b[i] as usize] == Plain::Word {
                    i += 1;
                }
                let dot = b.get(i) == Some(&b'.');
                // (A lone letter and its dot: an initial, out of the
                // stream.)
                if !(dot && i - start == 1 && b[start].is_ascii_alphabetic()) {
                    *spans.get_mut(n)? = (start as u32, i as u32);
                    n += 1;
                }
                if dot {
                    i += 1;
                    if b.get(i).is_some_and(|&c| PLAIN[c as usize] == Plain::Word) {
                        return None;
                    }
                }
            }
            Plain::Separator => i += 1,
            Plain::Other => return None,
        }
    }
    Some(
        spans[..n]
            .iter()
            .map(|&(start, end)| {
                let mut token = name[start as usize..end as usize].to_owned();
                token.make_ascii_lowercase();
                if spelling_may_fold(token.as_bytes()) {
                    if let Some((cut, to)) = spelling_ending(token.as_bytes()) {
                        token.truncate(token.len() - cut);
                        token.push_str(to);
                    }
                }
                token
            })
            .collect(),
    )
}

/// The most words [`plain_name_tokens`] reads in a name.
pub(crate) const PLAIN_NAME_WORDS: usize = 12;

/// How [`plain_name_tokens`] reads a byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plain {
    /// An ASCII letter or digit.
    Word,
    /// A space, a comma or a hyphen.
    Separator,
    /// Any other byte (a dot is read after a word).
    Other,
}

static PLAIN: [Plain; 256] = {
    let mut t = [Plain::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = Plain::Word;
        } else if matches!(c, b' ' | b',' | b'-') {
            t[b] = Plain::Separator;
        }
        b += 1;
    }
    t
};

/// The one token a word of ASCII letters and digits folds to, found
/// without cutting it into tokens: the word in lower case, where it is
/// too short, or ends in another letter, for a spelling fold
/// ([`fold_spelling`] reads words of six bytes or more ending in `h`,
/// `a`, `y` or `i`). `None` for any other word: [`normalize`] it. Word
/// lists are mostly such words.
pub(crate) fn fold_plain_word(word: &str) -> Option<std::borrow::Cow<'_, str>> {
    let b = word.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_alphanumeric) || spelling_may_fold(b) {
        return None;
    }
    Some(if b.iter().any(u8::is_ascii_uppercase) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Newline,
    Apostrophe,
    Hyphen,
    Dot,
    Barrier,
    SentenceEnd,
    At,
    Colon,
    Ignore,
    Other,
    Ideograph,
}

const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            match c {
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => Class::Space,
                b'\n' => Class::Newline,
                b'\'' | b'`' => Class::Apostrophe,
                b'-' => Class::Hyphen,
                b'.' => Class::Dot,
                b'(' | b')' | b'[' | b']' | b'{' | b'}' | b';' | b'|' | b'<' | b'>' => {
                    Class::Barrier
                }
                b'!' | b'?' => Class::SentenceEnd,
                b'@' => Class::At,
                b':' => Class::Colon,
                0..=8 | 14..=31 | 127 => Class::Space,
                _ => Class::Other,
            }
        };
        b += 1;
    }
    t
}

static ASCII: [Class; 128] = ascii_classes();

fn classify(c: char) -> Class {
    match c as u32 {
        0..0x80 => ASCII[c as usize],
        0x80..0x800 => two_byte(c).class,
        _ => classify_general(c),
    }
}

/// [`classify`] of a char outside ASCII, from the Unicode tables.
fn classify_general(c: char) -> Class {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => Class::Apostrophe,
        '\u{2010}' | '\u{2011}' => Class::Hyphen,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
            Class::Ignore
        }
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Class::Newline,
        '\u{3002}' | '\u{FF01}' | '\u{FF1F}' => Class::SentenceEnd,
        '\u{FF08}' | '\u{FF09}' | '\u{3010}' | '\u{3011}' | '\u{FF1B}' => Class::Barrier,
        _ if is_ideograph(c) => Class::Ideograph,
        _ if c.is_alphanumeric() || is_combining_mark(c) => Class::Word,
        _ if c.is_whitespace() => Class::Space,
        _ => Class::Other,
    }
}

/// Whether a quotation closes right before the dash at byte `i`, spaces
/// between: a quoted name ends there and an aside begins (`"Abu Hafs
/// al-Masri" - Abu Hafs the Egyptian`), so no name spans the dash. A
/// quote mark closes when no space stands before it.
fn quotation_ends_before(bytes: &[u8], i: usize) -> bool {
    let before = bytes[..i].trim_ascii_end();
    let quote = if before.ends_with(b"\"") || before.ends_with(b"'") {
        1
    } else if before.ends_with("\u{201D}".as_bytes()) || before.ends_with("\u{2019}".as_bytes()) {
        3
    } else if before.ends_with("\u{00BB}".as_bytes()) {
        2
    } else {
        return false;
    };
    before.len() > quote && !before[before.len() - quote - 1].is_ascii_whitespace()
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that lies strictly between `m` and `n`
/// (both at most 128; bytes of 128 and more never do).
#[inline]
fn bytes_between(x: u64, m: u8, n: u8) -> u64 {
    let low = x & (LOW_BITS * 127);
    (LOW_BITS * (127 + u64::from(n))).wrapping_sub(low)
        & !x
        & (low + LOW_BITS * (127 - u64::from(m)))
        & HIGH_BITS
}

/// The upper-case letters, lower-case letters and digits among the eight
/// bytes of `x`, as the high bit of each. (Letters are found in either case
/// at once, `x` with the 0x20 bit set in every byte, and told apart by
/// that bit: two range tests, not three.)
#[inline]
fn ascii_classes_of(x: u64) -> (u64, u64, u64) {
    let letters = bytes_between(x | (LOW_BITS * 0x20), b'a' - 1, b'z' + 1);
    // Bit 5 of each byte (0x20, clear in upper case) moved to its bit 7.
    let up = letters & !(x << 2);
    (up, letters & !up, bytes_between(x, b'0' - 1, b'9' + 1))
}

/// Folds the transliteration variants of Slavic name endings in the token
/// that starts at `start` of `stream`: "Zelenskyy"/"Zelenskiy" →
/// "zelensky", "Yevgeniy" → "yevgeny", "Anatolyevich"/"Anatolievich" →
/// "anatolevich". Applied alike to names, text and word lists, so it only
/// adds equivalences.
#[inline(always)]
fn fold_spelling(stream: &mut Vec<u8>, start: usize) {
    if spelling_may_fold(&stream[start..]) {
        fold_spelling_ending(stream, start);
    }
}

/// Whether [`fold_spelling`] may rewrite `token`'s ending: six bytes or
/// more, the last `h`, `a`, `y` or `i` in either case (every ending it
/// rewrites ends so: most tokens stop here).
#[inline]
fn spelling_may_fold(token: &[u8]) -> bool {
    token.len() >= 6
        && matches!(
            token[token.len() - 1].to_ascii_lowercase(),
            b'h' | b'a' | b'y' | b'i'
        )
}

/// [`fold_spelling`] of a token of six bytes or more ending in `h`, `a`,
/// `y` or `i`.
#[inline(never)]
fn fold_spelling_ending(stream: &mut Vec<u8>, start: usize) {
    if let Some((cut, to)) = spelling_ending(&stream[start..]) {
        stream.truncate(stream.len() - cut);
        stream.extend_from_slice(to.as_bytes());
    }
}

/// The ending [`fold_spelling`] rewrites in a folded `token` (its length
/// in bytes) and what it writes instead, if any: a token of lower-case
/// ASCII letters only.
fn spelling_ending(token: &[u8]) -> Option<(usize, &'static str)> {
    if !token.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    [
        ("yevich", "evich"),
        ("ievich", "evich"),
        ("yevna", "evna"),
        ("ievna", "evna"),
        ("yy", "y"),
        ("iy", "y"),
        ("ii", "y"),
    ]
    .into_iter()
    .find(|(from, _)| token.ends_with(from.as_bytes()))
    .map(|(from, to)| (from.len(), to))
}

/// The English transliteration of a letter written with a háček, comma
/// or cedilla for a hushing sound (`š ș ş ž č`), folded.
fn hushing(c: char) -> Option<&'static str> {
    match c {
        // (Not Polish "ś", "ć": the English press writes "Swiatek".)
        'š' | 'Š' | 'ș' | 'Ș' | 'ş' | 'Ş' => Some("sh"),
        'ž' | 'Ž' => Some("zh"),
        'č' | 'Č' => Some("ch"),
        _ => None,
    }
}

/// The spellings of `out`'s [`TokenFlags::HUSHING`] tokens in English
/// transliteration, from the `text` they were read from.
fn hush(text: &str, out: &mut Normalized) {
    for (i, t) in out.tokens.iter().enumerate() {
        if !t.flags.contains(TokenFlags::HUSHING) {
            continue;
        }
        let mut spelled = Vec::new();
        let mut chars = text[t.start as usize..t.end as usize].chars().peekable();
        while let Some(c) = chars.next() {
            // Finnish and Estonian write the Russian "ch" "tš"
            // ("Timtšenko", "Tšernomõrdin").
            if matches!(c, 't' | 'T') && chars.next_if(|&n| matches!(n, 'š' | 'Š')).is_some() {
                spelled.extend_from_slice(b"ch");
                continue;
            }
            match hushing(c) {
                Some(h) => spelled.extend_from_slice(h.as_bytes()),
                None if c.is_alphanumeric() => fold_char(c, &mut spelled),
                None => {}
            }
        }
        out.hushed.push((i as u32, spelled.into_boxed_slice()));
    }
}

/// Appends the folded form of `c` to `out`.
fn fold_char(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase() as u8);
        return;
    }
    if (c as u32) < 0x800 {
        let info = two_byte(c);
        if let Some(folded) = info.folded.get(..usize::from(info.len)) {
            out.extend_from_slice(folded);
            return;
        }
    }
    fold_char_general(c, out);
}

/// [`fold_char`] of a char outside ASCII: its compatibility decomposition
/// without combining marks, in lower case, each char as
/// [`push_folded`] writes it.
fn fold_char_general(c: char, out: &mut Vec<u8>) {
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            push_folded(l, out);
        }
    });
}

/// [`char_kind`]: a letter (`char::is_alphabetic`).
const LETTER: u8 = 1;
/// [`char_kind`]: an upper-case char (`char::is_uppercase`).
const UPPER: u8 = 2;
/// [`char_kind`]: a lower-case char (`char::is_lowercase`).
const LOWER: u8 = 4;
/// [`char_kind`]: a numeric char (`char::is_numeric`).
const NUMERIC: u8 = 8;

/// What [`State::word_char`] asks of `c`: the [`LETTER`], [`UPPER`],
/// [`LOWER`] and [`NUMERIC`] bits.
#[inline]
fn char_kind(c: char) -> u8 {
    match c as u32 {
        0..0x80 => char_kind_general(c),
        0x80..0x800 => two_byte(c).kind,
        _ => char_kind_general(c),
    }
}

/// [`char_kind`] from the Unicode tables.
fn char_kind_general(c: char) -> u8 {
    let mut kind = 0;
    for (bit, set) in [
        (LETTER, c.is_alphabetic()),
        (UPPER, c.is_uppercase()),
        (LOWER, c.is_lowercase()),
        (NUMERIC, c.is_numeric()),
    ] {
        if set {
            kind |= bit;
        }
    }
    kind
}

/// What the general rules read of a char of two UTF-8 bytes (U+0080 to
/// U+07FF: Latin letters with diacritics, Greek, Cyrillic, Armenian,
/// Hebrew, Arabic), worked out once ([`two_byte`]).
#[derive(Clone, Copy)]
struct TwoByte {
    /// [`classify_general`].
    class: Class,
    /// [`char_kind_general`].
    kind: u8,
    /// How many bytes of `folded` hold the char's fold
    /// ([`fold_char_general`]); `u8::MAX` when it is longer (none is,
    /// today: [`fold_char`] then folds it anew).
    len: u8,
    folded: [u8; 6],
}

/// [`TwoByte`] of `c`, one of U+0080 to U+07FF. Asking the Unicode tables
/// (`char::is_alphabetic`, the compatibility decomposition, lower case)
/// costs hundreds of instructions a char, more than a thousand for a
/// letter, and the legal forms read at start-up alone have 22,000 such
/// chars; each is asked once instead, with the 63 others of its first
/// UTF-8 byte (a script or two), when the first of them is read.
#[inline]
fn two_byte(c: char) -> &'static TwoByte {
    static BLOCKS: [std::sync::OnceLock<Box<[TwoByte; 64]>>; 30] =
        [const { std::sync::OnceLock::new() }; 30];
    let (block, at) = ((c as usize >> 6) - 2, c as usize & 63);
    let chars = BLOCKS[block].get_or_init(|| {
        let mut fold = Vec::new();
        Box::new(std::array::from_fn(|k| {
            let c = char::from_u32((block as u32 + 2) << 6 | k as u32)
                .expect("no surrogate below U+0800");
            fold.clear();
            fold_char_general(c, &mut fold);
            let mut folded = [0; 6];
            let len = match folded.get_mut(..fold.len()) {
                Some(head) => {
                    head.copy_from_slice(&fold);
                    fold.len() as u8
                }
                None => u8::MAX,
            };
            TwoByte {
                class: classify_general(c),
                kind: char_kind_general(c),
                len,
                folded,
            }
        }))
    });
    &chars[at]
}

fn push_folded(c: char, out: &mut Vec<u8>) {
    let s: &str = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        // Azerbaijani's schwa, which the lists write "a" ("Əliyev" is the
        // listed "Aliyev", "Məhdud" the listed "MAHDUD").
        'ə' => "a",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "n",
        'ς' => "σ",
        'ʻ' | 'ʼ' => "",
        // Cyrillic is transliterated, so that "Петр Авен" is "Petr Aven"
        // (after NFKD, "ё" is already "е").
        '\u{400}'..='\u{4FF}' => {
            for b in any_ascii::any_ascii_char(c).bytes() {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                }
            }
            return;
        }
        _ => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            return;
        }
    };
    out.extend_from_slice(s.as_bytes());
}

/// The longest bracketed place inside a name ([`named_bracket`]).
const NAMED_BRACKET: usize = 32;

/// Where the bracket opened at byte `open` closes, if it holds a place
/// in the middle of a name: one to three capitalized words between
/// capitalized words ("Hongxiang Marine (Hong Kong) Ltd.", "COSCO
/// Shipping Tanker (Dalian) Seaman"). Its brackets are no barrier.
fn named_bracket(text: &str, open: usize) -> Option<usize> {
    let b = text.as_bytes();
    let before = text[..open].strip_suffix(' ')?;
    let word = before.rsplit(' ').next()?;
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let len = b[open + 1..]
        .iter()
        .take(NAMED_BRACKET)
        .position(|&c| c == b')')?;
    let inner = &text[open + 1..open + 1 + len];
    let close = open + 1 + len;
    let words: Vec<&str> = inner.split(' ').collect();
    let after = text[close + 1..].strip_prefix(' ')?;
    ((1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && after.starts_with(|c: char| c.is_uppercase()))
    .then_some(close)
}

/// Folded abbreviations that keep their final dot in a name ("Co., Ltd.",
/// "Jr.").
fn is_abbreviation(folded: &[u8]) -> bool {
    matches!(
        folded,
        b"co"
            | b"ltd"
            | b"inc"
            | b"corp"
            | b"jr"
            | b"sr"
            | b"bros"
            | b"intl"
            | b"ltda"
            | b"spol"
            | b"sti"
            | b"pvt"
            | b"pty"
            | b"pte"
            | b"reg"
            | b"sdn"
            | b"bhd"
            | b"cia"
            | b"mfg"
            | b"st"
            | b"mt"
            | b"ft"
    )
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl Cursor<'_> {
    /// The char at byte `i` and its length.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.bytes.get(i)?;
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let c = self.text[i..].chars().next()?;
        Some((c, c.len_utf8()))
    }

    #[inline]
    fn class_at(&self, i: usize) -> Option<Class> {
        self.char_at(i).map(|(c, _)| classify(c))
    }

    fn is_letter_at(&self, i: usize) -> bool {
        self.char_at(i).is_some_and(|(c, _)| c.is_alphabetic())
    }
}

/// The token being built.
struct Open {
    start: usize,
    norm_start: usize,
    /// Letters in the current dot-separated segment (for acronyms).
    segment_letters: u32,
    /// Letters in the whole token.
    letters: u32,
    upper: u32,
    lower: u32,
    first_cased: Option<bool>,
    digit: bool,
    acronym: bool,
    /// A letter of [`TokenFlags::HUSHING`] was read.
    hushing: bool,
}

impl Open {
    /// A token opened at byte `start`, folded from `norm_start` of the
    /// stream on, nothing read yet.
    #[inline(always)]
    fn new(start: usize, norm_start: usize) -> Open {
        Open {
            start,
            norm_start,
            segment_letters: 0,
            letters: 0,
            upper: 0,
            lower: 0,
            first_cased: None,
            digit: false,
            acronym: false,
            hushing: false,
        }
    }
}

/// Cuts `text` into tokens and writes them, folded, into `out` (cleared
/// first). See the [module documentation](self) for the rules.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    normalize_with(text, out, true);
}

/// [`normalize_into`] without its fast paths: every char goes through the
/// general rules. The result is the same, byte for byte (tests assert it);
/// this is the reference the fast paths are checked and benchmarked
/// against.
pub fn normalize_general_into(text: &str, out: &mut Normalized) {
    normalize_with(text, out, false);
}

fn normalize_with(text: &str, out: &mut Normalized, fast: bool) {
    out.clear();
    out.stream.push(b' ');
    let cur = Cursor {
        text,
        bytes: text.as_bytes(),
    };
    let mut st = State {
        fast,
        open: None,
        hushing: false,
        sentence_start: true,
        line_start: true,
        newlines: 0,
        barrier_pending: false,
        chunk_tokens: 0,
        chunk_stream: 1,
    };
    let n = text.len();
    let mut i = 0;
    while i < n {
        let b = cur.bytes[i];
        let (c, len, class) = if b < 0x80 {
            (b as char, 1, ASCII[b as usize])
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            (c, c.len_utf8(), classify(c))
        };
        match class {
            Class::Word if b < 0x80 => {
                // The common case, a run of ASCII letters and digits, in one go,
                // and the space after it; and so on while a word follows the
                // space.
                if st.fast && st.open.is_none() {
                    i = st.plain_words(out, cur.bytes, i);
                    continue;
                }
                i += st.ascii_word(out, i, &cur.bytes[i..]);
                if cur.bytes.get(i) == Some(&b' ') {
                    st.space(out, i);
                    i += 1;
                }
                continue;
            }
            Class::Word => {
                st.word_char(out, i, c);
            }
            Class::Ideograph => {
                st.close(out, i);
                st.word_char(out, i, c);
                st.close(out, i + len);
            }
            Class::Ignore => {}
            Class::Apostrophe => {
                if st.open.is_some() {
                    // `’s` / `'s` at a word end is a possessive: not part of the token.
                    let next = cur.char_at(i + len);
                    if let Some((s, slen)) = next {
                        if (s == 's' || s == 'S')
                            && !cur
                                .char_at(i + len + slen)
                                .is_some_and(|(c, _)| c.is_alphanumeric())
                        {
                            st.close(out, i);
                            i += len + slen;
                            continue;
                        }
                    }
                    if cur.is_letter_at(i + len) {
                        // Inside a word (O’Brien): dropped, the token goes on.
                        i += len;
                        continue;
                    }
                }
                st.close(out, i);
            }
            Class::Hyphen => {
                if st.open.is_some() {
                    // A hyphen at a line end before a lower-case letter joins.
                    let mut j = i + len;
                    while j < n && (cur.bytes[j] == b' ' || cur.bytes[j] == b'\t') {
                        j += 1;
                    }
                    if j < n && cur.bytes[j] == b'\r' {
                        j += 1;
                    }
                    if j < n && cur.bytes[j] == b'\n' {
                        j += 1;
                        while j < n && (cur.bytes[j] == b' ' || cur.bytes[j] == b'\t') {
                            j += 1;
                        }
                        if cur.char_at(j).is_some_and(|(c, _)| c.is_lowercase()) {
                            i = j;
                            continue;
                        }
                    }
                }
                st.close(out, i);
                if quotation_ends_before(cur.bytes, i) {
                    st.barrier_pending = true;
                }
            }
            Class::Dot => {
                if let Some(open) = &mut st.open {
                    // S.R.O., U.S.: a one-letter segment followed by a letter and a dot
                    // (or by one last letter) continues the token.
                    if open.segment_letters == 1 && cur.is_letter_at(i + 1) {
                        let (_, l2) = cur.char_at(i + 1).expect("letter");
                        let after = cur.char_at(i + 1 + l2);
                        let continues = match after {
                            None => true,
                            Some((a, _)) => !a.is_alphanumeric(),
                        };
                        if continues {
                            open.acronym = true;
                            open.segment_letters = 0;
                            i += 1;
                            continue;
                        }
                    }
                    if open.letters == 1 && !open.acronym && !open.digit {
                        // A lone initial ("E."): left out of the stream.
                        st.drop_open(out);
                        i += 1;
                        continue;
                    }
                    // Middle initials written together ("George H.W. Bush"):
                    // two capitals, each with its dot, between a capitalized
                    // word and another, are left out like one initial (not
                    // three: "Versor S.R.O." is a legal form).
                    if open.acronym
                        && open.letters == 2
                        && open.upper == open.letters
                        // (Two-letter legal forms: "S.A.", "A.Ş.", "N.V.".)
                        && !matches!(
                            &out.stream[open.norm_start..],
                            b"sa" | b"as" | b"nv" | b"bv" | b"ag" | b"sl" | b"kg" | b"ab" | b"oy"
                                | b"se" | b"pc" | b"co" | b"dd" | b"ad" | b"ao"
                        )
                        && cur.char_at(i + 1).is_some_and(|(c, _)| c == ' ')
                        && cur.char_at(i + 2).is_some_and(|(c, _)| c.is_uppercase())
                        && out.tokens.last().is_some_and(|t| {
                            t.flags.contains(TokenFlags::CAPITALIZED)
                                && t.end as usize + 1 == open.start
                        })
                    {
                        st.drop_open(out);
                        i += 1;
                        continue;
                    }
                    // An acronym's or abbreviation's final dot belongs to it
                    // ("S.R.O.", "Ltd.") and does not end a sentence.
                    if open.acronym || is_abbreviation(&out.stream[open.norm_start..]) {
                        st.close(out, i + 1);
                    } else {
                        st.close(out, i);
                        st.sentence_start = true;
                    }
                } else {
                    st.close(out, i);
                }
            }
            Class::SentenceEnd => {
                st.close(out, i);
                st.barrier_pending = true;
                st.sentence_start = true;
            }
            Class::Barrier => {
                st.close(out, i);
                // A legal form's bracketed qualifier ("Sakunda Holdings
                // (Private) Limited", "(Pvt) Ltd", "(Pty) Ltd") is part of
                // the name: its brackets are no barrier.
                let bracketed_qualifier = |from: usize| {
                    let rest = &text.as_bytes()[from..];
                    [
                        &b"private)"[..],
                        b"pvt)",
                        b"pvt.)",
                        b"pty)",
                        b"pty.)",
                        b"pte)",
                    ]
                    .iter()
                    .any(|q| rest.len() >= q.len() && rest[..q.len()].eq_ignore_ascii_case(q))
                };
                let closing_qualifier = || {
                    let before = &text.as_bytes()[..i];
                    [
                        &b"(private"[..],
                        b"(pvt",
                        b"(pvt.",
                        b"(pty",
                        b"(pty.",
                        b"(pte",
                    ]
                    .iter()
                    .any(|q| {
                        before.len() >= q.len()
                            && before[before.len() - q.len()..].eq_ignore_ascii_case(q)
                    })
                };
                let qualifier = match text.as_bytes()[i] {
                    b'(' => bracketed_qualifier(i + 1) || named_bracket(text, i).is_some(),
                    b')' => {
                        closing_qualifier()
                            || text.as_bytes()[i.saturating_sub(NAMED_BRACKET)..i]
                                .iter()
                                .rposition(|&b| b == b'(')
                                .is_some_and(|k| {
                                    named_bracket(text, i.saturating_sub(NAMED_BRACKET) + k)
                                        == Some(i)
                                })
                    }
                    _ => false,
                };
                if !qualifier {
                    st.barrier_pending = true;
                }
            }
            Class::Space => st.space(out, i),
            Class::Newline => {
                st.close(out, i);
                st.chunk_tokens = out.tokens.len();
                st.chunk_stream = out.stream.len();
                st.newlines += 1;
                st.line_start = true;
                if st.newlines >= 2 {
                    st.barrier_pending = true;
                    st.sentence_start = true;
                }
            }
            Class::At | Class::Colon => {
                let url = class == Class::At || text[i..].starts_with("://");
                if url {
                    // An e-mail address or URL: drop the whole chunk.
                    st.open = None;
                    out.tokens.truncate(st.chunk_tokens);
                    out.stream.truncate(st.chunk_stream);
                    while i < n && !matches!(cur.class_at(i), Some(Class::Space | Class::Newline)) {
                        i += cur.char_at(i).map_or(1, |(_, l)| l);
                    }
                    st.barrier_pending = true;
                    continue;
                }
                st.close(out, i);
                st.barrier_pending = true;
            }
            Class::Other => {
                st.close(out, i);
                if matches!(c, '\u{2013}' | '\u{2014}') && quotation_ends_before(cur.bytes, i) {
                    st.barrier_pending = true;
                }
            }
        }
        i += len;
    }
    st.close(out, n);
    if st.barrier_pending && out.stream.len() > 1 && !out.stream.ends_with(b"| ") {
        out.stream.extend_from_slice(b"| ");
    }
    if st.hushing {
        hush(text, out);
    }
    // Only whole UTF-8 encodings of chars are ever written.
    out.folded = String::from_utf8(std::mem::take(&mut out.stream)).expect("stream is UTF-8");
}

struct State {
    /// Whether the fast path ([`State::plain_words`]) is taken; off, every
    /// char goes through the general rules: see [`normalize_general_into`].
    fast: bool,
    open: Option<Open>,
    /// A token of [`TokenFlags::HUSHING`] was read.
    hushing: bool,
    sentence_start: bool,
    line_start: bool,
    newlines: u32,
    barrier_pending: bool,
    /// Tokens and stream length at the start of the current
    /// whitespace-delimited chunk (for dropping URLs).
    chunk_tokens: usize,
    chunk_stream: usize,
}

impl State {
    /// A space at byte `i`: ends the token and starts a new chunk.
    #[inline]
    fn space(&mut self, out: &mut Normalized, i: usize) {
        self.close(out, i);
        self.chunk_tokens = out.tokens.len();
        self.chunk_stream = out.stream.len();
    }

    /// What opening a token does before its first byte is written: a
    /// pending barrier goes into the stream, and the line breaks before it
    /// are forgotten.
    #[inline]
    fn before_token(&mut self, out: &mut Normalized) {
        if self.barrier_pending {
            if out.stream.len() > 1 && !out.stream.ends_with(b"| ") {
                out.stream.extend_from_slice(b"| ");
            }
            self.barrier_pending = false;
        }
        self.newlines = 0;
    }

    /// The token being built, opened at byte `i` if none is.
    #[inline]
    fn open_at(&mut self, out: &mut Normalized, i: usize) -> &mut Open {
        if self.open.is_none() {
            self.before_token(out);
        }
        let norm_start = out.stream.len();
        self.open.get_or_insert(Open::new(i, norm_start))
    }

    /// Adds the run of ASCII letters and digits that `rest` (the text from
    /// byte `i`) starts with to the token, and returns its length: what
    /// [`State::word_char`] does for each, eight bytes at a time.
    #[inline(always)]
    fn ascii_word(&mut self, out: &mut Normalized, i: usize, rest: &[u8]) -> usize {
        if self.open.is_none() {
            self.before_token(out);
        }
        let norm_start = out.stream.len();
        let run = fold_ascii_run(rest, &mut out.stream);
        self.add_run(i, norm_start, &run);
        run.len
    }

    /// Adds a run of ASCII letters and digits, read at byte `i` and folded
    /// at `norm_start` of the stream, to the open token, or opens one with
    /// it.
    #[inline(always)]
    fn add_run(&mut self, i: usize, norm_start: usize, run: &AsciiRun) {
        let open = self.open.get_or_insert(Open::new(i, norm_start));
        if open.first_cased.is_none() {
            open.first_cased = run.first_cased;
        }
        open.upper += run.upper;
        open.lower += run.lower;
        open.letters += run.upper + run.lower;
        open.segment_letters += run.len as u32;
        open.digit |= run.digit();
    }

    /// The fast path of prose, from byte `i` of `text`, the first byte of
    /// a word, where no token is open: words of ASCII letters and digits,
    /// and between them spaces and separators that do nothing when no
    /// token is open (a comma, a quotation mark, a slash: the
    /// [`Class::Other`] bytes). What is pending when it starts (a barrier,
    /// a sentence or line start) goes to the first word, as the general
    /// rules give it; nothing the separators do is pending after it. A word that such a byte, a line break, a
    /// bracket, `!`, `?` or the end of the text follows (see
    /// [`ends_any_token`]) is a whole token and is written at once, with
    /// no [`Open`] in between; the first word that a byte whose rule reads
    /// the open token follows (a dot, a hyphen, an apostrophe, `@`, `:`,
    /// a non-ASCII char) is opened as the general path opens it and left
    /// to it. Returns the byte where it stopped: after a word left open,
    /// or at the first byte that is neither a word's nor a separator's.
    ///
    /// The text is read a [`Block`] at a time: its words are cut, folded
    /// and flagged from three masks of the block's bytes, classified at
    /// once, not eight bytes from each word's start. A word the block
    /// does not end is read again at the start of the next block; one of
    /// [`BLOCK`] bytes or more, eight bytes at a time
    /// ([`fold_ascii_run`]).
    #[inline(never)]
    fn plain_words(&mut self, out: &mut Normalized, text: &[u8], mut i: usize) -> usize {
        self.before_token(out);
        // Whether a sentence's or line's start may be pending: for the
        // first word only.
        let mut starts = true;
        let mut pad = [0u8; BLOCK + 8];
        loop {
            // `i` is the first byte of a word. Past the text's end the
            // block reads zeros: no word's byte, and one that ends any
            // token, as the end of the text does.
            let buf: &[u8; BLOCK + 8] = match text.get(i..i + BLOCK + 8) {
                Some(b) => b.try_into().expect("a block and eight bytes"),
                None => {
                    let rest = &text[i..];
                    pad.fill(0);
                    pad[..rest.len()].copy_from_slice(rest);
                    &pad
                }
            };
            let block = Block::of(buf);
            // The word at `s` of the block, while the block holds its end.
            let mut s = 0;
            let stepped = loop {
                let k = (!(block.word >> s)).trailing_zeros() as usize;
                let e = s + k;
                if e == BLOCK {
                    break None;
                }
                let norm_start = out.stream.len();
                push_folded_word(&mut out.stream, buf, s, k);
                if !ends_any_token(buf[e]) {
                    out.stream.pop();
                    self.add_run(i + s, norm_start, &block.run(s, k));
                    return i + e;
                }
                let mut norm_end = norm_start + k;
                if k >= 6 && matches!(buf[e - 1] | 0x20, b'h' | b'a' | b'y' | b'i') {
                    out.stream.pop();
                    fold_spelling_ending(&mut out.stream, norm_start);
                    norm_end = out.stream.len();
                    out.stream.push(b' ');
                }
                let mut flags = block.flags(s, k);
                if starts {
                    flags.insert(self.take_starts());
                    starts = false;
                }
                out.tokens.push(Token {
                    start: (i + s) as u32,
                    end: (i + e) as u32,
                    norm_start: norm_start as u32,
                    norm_end: norm_end as u32,
                    flags,
                });
                // Most often one space, then the next word.
                if buf[e] == b' ' && e + 1 < BLOCK && block.word >> (e + 1) & 1 != 0 {
                    self.chunk_tokens = out.tokens.len();
                    self.chunk_stream = out.stream.len();
                    s = e + 1;
                    continue;
                }
                match self.separators(out, text, i + e) {
                    Ok(j) if j - i < BLOCK => s = j - i,
                    stepped => break Some(stepped),
                }
            };
            i = match stepped {
                // A word the block does not end: the next block from it.
                None if s > 0 => i + s,
                None => match self.long_word(out, text, i) {
                    Ok(j) => j,
                    Err(j) => return j,
                },
                Some(Ok(j)) => j,
                Some(Err(j)) => return j,
            };
        }
    }

    /// A word of [`plain_words`](State::plain_words) at byte `i` of
    /// `text` that a block does not hold, eight bytes at a time: left open
    /// or written as the block's words are. Then
    /// [`separators`](State::separators).
    #[cold]
    fn long_word(&mut self, out: &mut Normalized, text: &[u8], i: usize) -> Result<usize, usize> {
        let norm_start = out.stream.len();
        let run = fold_ascii_run(&text[i..], &mut out.stream);
        let end = i + run.len;
        if !text.get(end).is_none_or(|&b| ends_any_token(b)) {
            self.add_run(i, norm_start, &run);
            return Err(end);
        }
        self.push_token(out, i, end, norm_start, run.shape());
        self.separators(out, text, end)
    }

    /// The separators of [`plain_words`](State::plain_words) from byte `j`
    /// of `text` on, right after a word: spaces and [`Class::Other`]
    /// bytes, which do nothing when no token is open but start a chunk
    /// (see [`State::space`]). `Ok` with the next word's first byte, an
    /// ASCII letter or digit; `Err` with the first byte that is neither.
    #[inline]
    fn separators(&mut self, out: &Normalized, text: &[u8], mut j: usize) -> Result<usize, usize> {
        let mut spaced = false;
        while let Some(&b) = text.get(j) {
            match ASCII.get(b as usize) {
                Some(Class::Space) => spaced = true,
                Some(Class::Other) => {}
                _ => break,
            }
            j += 1;
        }
        if spaced {
            self.chunk_tokens = out.tokens.len();
            self.chunk_stream = out.stream.len();
        }
        if text.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            Ok(j)
        } else {
            Err(j)
        }
    }

    #[inline]
    fn word_char(&mut self, out: &mut Normalized, i: usize, c: char) {
        let open = self.open_at(out, i);
        let kind = char_kind(c);
        if kind & LETTER != 0 {
            open.letters += 1;
            open.segment_letters += 1;
            let (up, low) = (kind & UPPER != 0, kind & LOWER != 0);
            if up {
                open.upper += 1;
            }
            if low {
                open.lower += 1;
            }
            if open.first_cased.is_none() && (up || low) {
                open.first_cased = Some(up);
            }
        } else if kind & NUMERIC != 0 {
            open.digit = true;
            open.segment_letters += 1;
        }
        open.hushing |= hushing(c).is_some();
        fold_char(c, &mut out.stream);
    }

    fn drop_open(&mut self, out: &mut Normalized) {
        if let Some(open) = self.open.take() {
            out.stream.truncate(open.norm_start);
        }
    }

    #[inline]
    fn close(&mut self, out: &mut Normalized, end: usize) {
        let Some(open) = self.open.take() else {
            return;
        };
        if out.stream.len() == open.norm_start {
            // Folded to nothing (only combining marks): no token.
            return;
        }
        let shape = Shape {
            first_cased: open.first_cased,
            upper: open.upper,
            lower: open.lower,
            digit: open.digit,
            hushing: open.hushing,
        };
        self.push_token(out, open.start, end, open.norm_start, shape);
    }

    /// Ends the token whose folded text is `out.stream[norm_start..]` (not
    /// empty) and whose original bytes are `start..end`: its spelling
    /// folded, its flags set from its `shape` and the state, and the
    /// separator written.
    #[inline(always)]
    fn push_token(
        &mut self,
        out: &mut Normalized,
        start: usize,
        end: usize,
        norm_start: usize,
        shape: Shape,
    ) {
        fold_spelling(&mut out.stream, norm_start);
        let mut flags = TokenFlags::empty();
        match shape.first_cased {
            Some(true) => flags.insert(TokenFlags::CAPITALIZED),
            Some(false) => flags.insert(TokenFlags::LOWERCASE),
            None => {}
        }
        if shape.upper >= 2 && shape.lower == 0 {
            flags.insert(TokenFlags::ALL_CAPS);
        }
        if shape.digit {
            flags.insert(TokenFlags::DIGIT);
        }
        if shape.hushing {
            flags.insert(TokenFlags::HUSHING);
            self.hushing = true;
        }
        flags.insert(self.take_starts());
        out.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            norm_start: norm_start as u32,
            norm_end: out.stream.len() as u32,
            flags,
        });
        out.stream.push(b' ');
    }

    /// The flags of where the next token stands (a sentence's or a line's
    /// start), which go to it alone.
    #[inline(always)]
    fn take_starts(&mut self) -> TokenFlags {
        let mut flags = TokenFlags::empty();
        if self.sentence_start {
            flags.insert(TokenFlags::SENTENCE_START);
            self.sentence_start = false;
        }
        if self.line_start {
            flags.insert(TokenFlags::LINE_START);
            self.line_start = false;
        }
        flags
    }
}

/// How a finished token is written, for its flags.
struct Shape {
    first_cased: Option<bool>,
    upper: u32,
    lower: u32,
    digit: bool,
    hushing: bool,
}

/// Whether the ASCII byte `b`, after a run of letters and digits, ends the
/// token whatever it holds: its class's rule does not read the open token
/// (see [`State::ascii_word`]).
#[inline]
fn ends_any_token(b: u8) -> bool {
    b < 0x80
        && matches!(
            ASCII[b as usize],
            Class::Space | Class::Newline | Class::Other | Class::SentenceEnd | Class::Barrier
        )
}

/// The number of bytes of a mask that has only high bits set (at most
/// eight): a sum of bytes, which a multiplication does in one step (no
/// population-count instruction is assumed).
#[inline]
fn count_high(mask: u64) -> u32 {
    ((mask >> 7).wrapping_mul(LOW_BITS) >> 56) as u32
}

/// A run of ASCII letters and digits as [`fold_ascii_run`] read it.
struct AsciiRun {
    len: usize,
    upper: u32,
    lower: u32,
    /// Whether its first letter is upper case (`None`: no letter).
    first_cased: Option<bool>,
}

impl AsciiRun {
    /// Whether it has a digit.
    #[inline(always)]
    fn digit(&self) -> bool {
        (self.upper + self.lower) < self.len as u32
    }

    /// Its shape as a whole token.
    #[inline(always)]
    fn shape(&self) -> Shape {
        Shape {
            first_cased: self.first_cased,
            upper: self.upper,
            lower: self.lower,
            digit: self.digit(),
            hushing: false,
        }
    }
}

/// Writes the run of ASCII letters and digits that `rest` starts with into
/// `stream`, in lower case, eight bytes at a time, and tells its length,
/// its letters and the case of the first one.
#[inline(always)]
fn fold_ascii_run(rest: &[u8], stream: &mut Vec<u8>) -> AsciiRun {
    let mut run = AsciiRun {
        len: 0,
        upper: 0,
        lower: 0,
        first_cased: None,
    };
    loop {
        let Some(chunk) = rest.get(run.len..run.len + 8) else {
            // Fewer than eight bytes left: one at a time.
            for &b in &rest[run.len..] {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                if run.first_cased.is_none() && b.is_ascii_alphabetic() {
                    run.first_cased = Some(b.is_ascii_uppercase());
                }
                run.upper += u32::from(b.is_ascii_uppercase());
                run.lower += u32::from(b.is_ascii_lowercase());
                stream.push(b.to_ascii_lowercase());
                run.len += 1;
            }
            return run;
        };
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let (up, low, digit) = ascii_classes_of(x);
        let stop = !(up | low | digit) & HIGH_BITS;
        let k = if stop == 0 {
            8
        } else {
            stop.trailing_zeros() as usize / 8
        };
        let keep = if k == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * k)) - 1
        };
        let (up, low) = (up & keep, low & keep);
        if run.first_cased.is_none() && (up | low) != 0 {
            let first = (up | low).trailing_zeros();
            run.first_cased = Some(up >> first & 1 == 1);
        }
        run.upper += count_high(up);
        run.lower += count_high(low);
        // Upper-case letters gain 0x20: lower case. All eight bytes are
        // written (one store, not a copy of k bytes), then cut to k.
        let end = stream.len() + k;
        stream.extend_from_slice(&(x | up >> 2).to_le_bytes());
        stream.truncate(end);
        run.len += k;
        if k < 8 {
            return run;
        }
    }
}

/// The bytes [`State::plain_words`] classifies at once.
const BLOCK: usize = 64;

/// [`BLOCK`] bytes of text, classified: bit `j` of each mask tells byte
/// `j` of the block.
struct Block {
    /// ASCII letters and digits.
    word: u64,
    /// ASCII letters.
    letter: u64,
    /// Upper-case ASCII letters.
    upper: u64,
}

impl Block {
    /// The first [`BLOCK`] bytes of `buf` classified (the eight bytes
    /// after them are read by [`push_folded_word`], not here): sixteen
    /// at a time with SSE2, which every x86-64 processor has; elsewhere
    /// eight at a time ([`Block::of_words`]).
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn of(buf: &[u8; BLOCK + 8]) -> Block {
        use std::arch::x86_64::*;
        let mut block = Block {
            word: 0,
            letter: 0,
            upper: 0,
        };
        // SAFETY: SSE2 is part of the x86-64 target (no feature to
        // detect), and each load reads 16 bytes of `buf`, unaligned, in
        // bounds (the last from byte 48 of 72).
        unsafe {
            let case = _mm_set1_epi8(0x20);
            // A byte `b` is in `lo..lo + n` when `b - lo` is under `n`:
            // with 0x80 added, a signed byte under `n - 128` (SSE2
            // compares signed bytes only).
            let from_a = _mm_set1_epi8(0x80u8.wrapping_sub(b'a') as i8);
            let from_0 = _mm_set1_epi8(0x80u8.wrapping_sub(b'0') as i8);
            let under_26 = _mm_set1_epi8((0x80u8 + 26) as i8);
            let under_10 = _mm_set1_epi8((0x80u8 + 10) as i8);
            for lane in 0..BLOCK / 16 {
                let x = _mm_loadu_si128(buf.as_ptr().add(16 * lane).cast());
                let letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, case), from_a), under_26);
                let digit = _mm_cmplt_epi8(_mm_add_epi8(x, from_0), under_10);
                // Letters without the 0x20 bit.
                let upper = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_and_si128(x, case), case), letter);
                let bits = |m| u64::from(_mm_movemask_epi8(m) as u16) << (16 * lane);
                block.word |= bits(_mm_or_si128(letter, digit));
                block.letter |= bits(letter);
                block.upper |= bits(upper);
            }
        }
        block
    }

    /// [`Block::of`] elsewhere.
    #[cfg(not(target_arch = "x86_64"))]
    #[inline(always)]
    fn of(buf: &[u8; BLOCK + 8]) -> Block {
        Block::of_words(buf)
    }

    /// [`Block::of`] with no vector instructions: eight bytes at a time
    /// ([`ascii_classes_of`]), the high bits of each eight gathered into
    /// eight bits of a mask ([`gather_high`]). The x86-64 build runs it
    /// in tests only, against [`Block::of`].
    #[cfg_attr(target_arch = "x86_64", allow(dead_code))]
    #[inline(always)]
    fn of_words(buf: &[u8; BLOCK + 8]) -> Block {
        let mut block = Block {
            word: 0,
            letter: 0,
            upper: 0,
        };
        for lane in 0..BLOCK / 8 {
            let x = u64::from_le_bytes(buf[8 * lane..8 * lane + 8].try_into().expect("eight"));
            let (up, low, digit) = ascii_classes_of(x);
            block.word |= gather_high(up | low | digit) << (8 * lane);
            block.letter |= gather_high(up | low) << (8 * lane);
            block.upper |= gather_high(up) << (8 * lane);
        }
        block
    }

    /// The flags of the word of `k` bytes at byte `s` of the block (`k`
    /// under [`BLOCK`]), as [`State::push_token`] sets them from its
    /// letters and digits.
    #[inline(always)]
    fn flags(&self, s: usize, k: usize) -> TokenFlags {
        let keep = (1u64 << k) - 1;
        let up = self.upper >> s & keep;
        let letters = self.letter >> s & keep;
        if letters == keep {
            // Letters only (most words): the first byte's case, and
            // whether all are upper case.
            return if up & 1 == 0 {
                TokenFlags::LOWERCASE
            } else if up == keep && k >= 2 {
                TokenFlags(TokenFlags::CAPITALIZED.0 | TokenFlags::ALL_CAPS.0)
            } else {
                TokenFlags::CAPITALIZED
            };
        }
        let mut flags = TokenFlags::DIGIT;
        if letters != 0 {
            // The first letter's case: the lowest letter's.
            flags.insert(if up & letters & letters.wrapping_neg() != 0 {
                TokenFlags::CAPITALIZED
            } else {
                TokenFlags::LOWERCASE
            });
        }
        // Two upper-case letters or more, no lower-case one.
        if up & up.wrapping_sub(1) != 0 && up == letters {
            flags.insert(TokenFlags::ALL_CAPS);
        }
        flags
    }

    /// The word of `k` bytes at byte `s` of the block (`k` under
    /// [`BLOCK`]) as [`fold_ascii_run`] reads it.
    fn run(&self, s: usize, k: usize) -> AsciiRun {
        let keep = (1u64 << k) - 1;
        let up = self.upper >> s & keep;
        let letters = self.letter >> s & keep;
        AsciiRun {
            len: k,
            upper: up.count_ones(),
            lower: (letters & !up).count_ones(),
            first_cased: (letters != 0).then(|| up >> letters.trailing_zeros() & 1 == 1),
        }
    }
}

/// The high bits of the eight bytes of `mask` (which has no other bit
/// set), as its eight low bits, byte `j`'s as bit `j`: one
/// multiplication puts bit `8j + 7` at bit `56 + j` (the shift by `7i`
/// for `i = 7 - j`), and no two of its partial products meet, so none
/// carries.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn gather_high(mask: u64) -> u64 {
    mask.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

/// Writes the word of `k` ASCII letters and digits at byte `s` of `buf`
/// (`s + k` under [`BLOCK`]) into `stream` in lower case, and a space
/// after it: eight bytes at a time, each in one store, the bytes after
/// the word written as spaces and cut after the first.
#[inline(always)]
fn push_folded_word(stream: &mut Vec<u8>, buf: &[u8; BLOCK + 8], s: usize, k: usize) {
    const SPACES: u64 = LOW_BITS * b' ' as u64;
    let eight = |at: usize| u64::from_le_bytes(buf[at..at + 8].try_into().expect("eight bytes"));
    let end = stream.len() + k + 1;
    if k < 8 {
        // Most words: the word and its space in one store.
        let keep = (1u64 << (8 * k)) - 1;
        stream.extend_from_slice(&((eight(s) & keep) | SPACES).to_le_bytes());
    } else {
        let mut done = 0;
        while done <= k {
            let keep = match k - done {
                8.. => u64::MAX,
                left => (1u64 << (8 * left)) - 1,
            };
            stream.extend_from_slice(&((eight(s + done) & keep) | SPACES).to_le_bytes());
            done += 8;
        }
    }
    stream.truncate(end);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_buffer_normalizes_as_a_new_one_long_after_short_and_nested() {
        let summary = |n: &Normalized| {
            let tokens: Vec<(Token, String)> = (0..n.tokens().len())
                .map(|i| (n.tokens()[i], n.token_text(i).to_string()))
                .collect();
            (n.stream().to_string(), tokens, n.hushed().to_vec())
        };
        // (A long text, then shorter ones: nothing of the longer one may
        // be left in the buffer.)
        let texts = [
            "KIM, Jong-un met Ilan Șor in Pyongyang.\n\nGennadi Timtšenko said: \"no\".",
            "Havana Ventures SE",
            "Muammar Qadhafi",
            "",
            "Ș",
            "A.Q. Khan | S.A.",
        ];
        for text in texts {
            let new = summary(&normalize(text));
            assert_eq!(with_normalized(text, summary), new, "{text:?}");
            assert_eq!(fold_name(text), normalize(text).key());
            // A call from inside another gets a buffer of its own.
            let (outer, inner) = with_normalized(text, |n| {
                let inner = with_normalized("Zorvan Trading S.A", summary);
                (summary(n), inner)
            });
            assert_eq!(outer, new);
            assert_eq!(inner, summary(&normalize("Zorvan Trading S.A")));
        }
        assert_eq!(fold_name("KIM, Jong-un"), "kim jong un");
    }

    #[test]
    fn eight_byte_classes_agree_with_the_byte_tests() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [0u8, b'a', b'Z', b'5', b' ', 0xff] {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let (up, low, digit) = ascii_classes_of(u64::from_le_bytes(bytes));
                    for (k, &c) in bytes.iter().enumerate() {
                        let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                        assert_eq!(bit(up), c.is_ascii_uppercase(), "{c:#x} upper");
                        assert_eq!(bit(low), c.is_ascii_lowercase(), "{c:#x} lower");
                        assert_eq!(bit(digit), c.is_ascii_digit(), "{c:#x} digit");
                    }
                }
            }
        }
    }

    /// What [`Block::of`] (and [`Block::of_words`], the build without
    /// vector instructions) must give for `buf`, byte by byte.
    fn block_by_bytes(buf: &[u8; BLOCK + 8]) -> (u64, u64, u64) {
        let mask =
            |test: fn(&u8) -> bool| (0..BLOCK).fold(0u64, |m, j| m | u64::from(test(&buf[j])) << j);
        (
            mask(u8::is_ascii_alphanumeric),
            mask(u8::is_ascii_alphabetic),
            mask(u8::is_ascii_uppercase),
        )
    }

    #[test]
    fn block_classes_agree_with_the_byte_tests() {
        // Every byte at every place of a block, and the eight after it.
        for b in 0..=255u8 {
            for step in [1u8, 37, 101] {
                let mut buf = [0u8; BLOCK + 8];
                for (j, c) in buf.iter_mut().enumerate() {
                    *c = b.wrapping_add(step.wrapping_mul(j as u8));
                }
                let want = block_by_bytes(&buf);
                for block in [Block::of(&buf), Block::of_words(&buf)] {
                    assert_eq!((block.word, block.letter, block.upper), want, "{buf:?}");
                }
            }
        }
    }

    #[test]
    fn gathering_high_bits_keeps_each_in_its_place() {
        for bits in 0..=255u64 {
            let mask = (0..8).fold(0, |m, j| m | (bits >> j & 1) << (8 * j + 7));
            assert_eq!(gather_high(mask), bits);
        }
    }

    #[test]
    fn words_across_and_at_block_ends_fold_as_the_general_rules_fold() {
        // The word of each case at every offset from a block's start (the
        // fast path's blocks start at a word), and words of a block's
        // length and more.
        let long = [
            "x".repeat(63),
            "Y".repeat(64),
            "z9".repeat(40),
            "Zelenskyy".repeat(8),
        ];
        for lead in 0..(BLOCK + 10) {
            let before = ["ab ".repeat(lead / 3), "a".repeat(lead % 3)].concat();
            for w in WORDS.iter().copied().chain(long.iter().map(String::as_str)) {
                for sep in [" ", ". ", ", ", "-", "\n", ""] {
                    same_as_general(&format!("{before} {w}{sep}next")).unwrap();
                    same_as_general(&format!("{}{w}{sep}", "A".repeat(lead))).unwrap();
                }
            }
        }
    }

    #[test]
    fn the_two_byte_table_agrees_with_the_unicode_tables() {
        let mut longest = 0;
        for u in 0x80..0x800 {
            let c = char::from_u32(u).unwrap();
            assert!(classify(c) == classify_general(c), "{c:?} class");
            assert_eq!(char_kind(c), char_kind_general(c), "{c:?} kind");
            let (mut table, mut general) = (Vec::new(), Vec::new());
            fold_char(c, &mut table);
            fold_char_general(c, &mut general);
            assert_eq!(table, general, "{c:?} fold");
            longest = longest.max(usize::from(two_byte(c).len));
        }
        // Every fold fits: none is folded anew (`u8::MAX`).
        assert!(longest <= 6, "{longest}");
        // Spot checks, so that the general functions are tested too.
        assert!(classify('é') == Class::Word && classify('\u{00AD}') == Class::Ignore);
        assert_eq!(char_kind('É'), LETTER | UPPER);
        assert_eq!(char_kind('٣'), NUMERIC);
        let mut folded = Vec::new();
        for c in ['É', 'ß', 'Щ', 'ё', '\u{0301}'] {
            fold_char(c, &mut folded);
        }
        assert_eq!(folded, b"essshche");
    }

    /// (name, text, expected stream, expected token texts as written)
    const CASES: &[(&str, &str, &str, &[&str])] = &[
        ("empty", "", " ", &[]),
        (
            "words",
            "Brian Nelson",
            " brian nelson ",
            &["Brian", "Nelson"],
        ),
        (
            "whitespace runs",
            "Brian \n\t Nelson",
            " brian nelson ",
            &["Brian", "Nelson"],
        ),
        (
            "nbsp",
            "Brian\u{a0}Nelson",
            " brian nelson ",
            &["Brian", "Nelson"],
        ),
        (
            "unicode case",
            "ВЕРУС верус",
            " verus verus ",
            &["ВЕРУС", "верус"],
        ),
        (
            "diacritics",
            "Dériaska ERDOĞAN",
            " deriaska erdogan ",
            &["Dériaska", "ERDOĞAN"],
        ),
        ("yo", "Семён", " semen ", &["Семён"]),
        ("sharp s", "Straße", " strasse ", &["Straße"]),
        (
            "combining",
            "Cafe\u{301} x",
            " cafe x ",
            &["Cafe\u{301}", "x"],
        ),
        (
            "possessive curly",
            "Putin’s war",
            " putin war ",
            &["Putin", "war"],
        ),
        ("possessive ascii", "Putin's", " putin ", &["Putin"]),
        (
            "inner apostrophe",
            "O’Brien O'Neil",
            " obrien oneil ",
            &["O’Brien", "O'Neil"],
        ),
        (
            "hyphen separates",
            "Kim Jong-un",
            " kim jong un ",
            &["Kim", "Jong", "un"],
        ),
        (
            "soft line hyphen",
            "Mkry-\nchev said",
            " mkrychev said ",
            &["Mkry-\nchev", "said"],
        ),
        (
            "line hyphen before capital",
            "North-\nKorea",
            " north korea ",
            &["North", "Korea"],
        ),
        (
            "acronym",
            "Versor S.R.O. and s.r.o",
            " versor sro and sro ",
            &["Versor", "S.R.O.", "and", "s.r.o"],
        ),
        (
            "acronym us",
            "U.S.-sanctioned",
            " us sanctioned ",
            &["U.S.", "sanctioned"],
        ),
        (
            "initial dropped",
            "Brian E. Nelson",
            " brian nelson ",
            &["Brian", "Nelson"],
        ),
        (
            "two initials written together dropped",
            "George H.W. Bush",
            " george bush ",
            &["George", "Bush"],
        ),
        (
            "a two-letter legal form kept",
            "Trend GYO A.Ş. Board",
            " trend gyo as board ",
            &["Trend", "GYO", "A.Ş.", "Board"],
        ),
        (
            "a legal form's bracketed qualifier",
            "Sakunda Holdings (Private) Limited (Zimbabwe)",
            " sakunda holdings private limited | zimbabwe | ",
            &["Sakunda", "Holdings", "Private", "Limited", "Zimbabwe"],
        ),
        (
            "initial without dot kept",
            "Brian E Nelson",
            " brian e nelson ",
            &["Brian", "E", "Nelson"],
        ),
        (
            "co ltd",
            "Anglo Co., Ltd.",
            " anglo co ltd ",
            &["Anglo", "Co.", "Ltd."],
        ),
        (
            "parens barrier",
            "(President Vladimir) Putin",
            " president vladimir | putin ",
            &["President", "Vladimir", "Putin"],
        ),
        (
            "a place in brackets inside a name",
            "Hongxiang Marine (Hong Kong) Ltd.",
            " hongxiang marine hong kong ltd ",
            &["Hongxiang", "Marine", "Hong", "Kong", "Ltd."],
        ),
        (
            "a bracket after a name before a lower-case word",
            "Putin (Russia) and Xi",
            " putin | russia | and xi ",
            &["Putin", "Russia", "and", "Xi"],
        ),
        (
            "paragraph barrier",
            "Trade\n\nThree",
            " trade | three ",
            &["Trade", "Three"],
        ),
        (
            "single newline no barrier",
            "Brian\nNelson",
            " brian nelson ",
            &["Brian", "Nelson"],
        ),
        (
            "email dropped",
            "write to press@verus.example now",
            " write to | now ",
            &["write", "to", "now"],
        ),
        (
            "url dropped",
            "see https://verus.example/x now",
            " see | now ",
            &["see", "now"],
        ),
        ("quotes", "ООО «Верус»", " ooo verus ", &["ООО", "Верус"]),
        (
            "han",
            "习近平主席",
            " 习 近 平 主 席 ",
            &["习", "近", "平", "主", "席"],
        ),
        (
            "digits",
            "Ocean Victory 33",
            " ocean victory 33 ",
            &["Ocean", "Victory", "33"],
        ),
        ("fullwidth", "ＶＥＲＵＳ", " verus ", &["ＶＥＲＵＳ"]),
        (
            "soft hyphen ignored",
            "Ver\u{ad}sor",
            " versor ",
            &["Ver\u{ad}sor"],
        ),
        (
            "question barrier",
            "Kim? Jong",
            " kim | jong ",
            &["Kim", "Jong"],
        ),
        (
            "a quotation closed before a dash",
            "\"Abu Hafs al-Masri\" - Abu Hafs",
            " abu hafs al masri | abu hafs ",
            &["Abu", "Hafs", "al", "Masri", "Abu", "Hafs"],
        ),
        (
            "the same with typographic marks",
            "\u{201C}Abu Hafs\u{201D} \u{2014} Abu",
            " abu hafs | abu ",
            &["Abu", "Hafs", "Abu"],
        ),
        (
            "a dash inside a name",
            "Palestine - General Command",
            " palestine general command ",
            &["Palestine", "General", "Command"],
        ),
    ];

    #[test]
    fn table() {
        for &(name, text, stream, toks) in CASES {
            let n = normalize(text);
            assert_eq!(n.stream(), stream, "case {name:?}: stream");
            let got: Vec<&str> = n
                .tokens()
                .iter()
                .map(|t| &text[t.start as usize..t.end as usize])
                .collect();
            assert_eq!(got, toks, "case {name:?}: tokens");
            for (i, t) in n.tokens().iter().enumerate() {
                assert_eq!(n.token_at(t.norm_start as usize), Some(i), "case {name:?}");
                assert_eq!(n.stream_bytes()[t.norm_end as usize], b' ', "case {name:?}");
            }
        }
    }

    #[test]
    fn flags() {
        let n = normalize("The Kremlin said. NELSON met verus\nKim");
        let f: Vec<TokenFlags> = n.tokens().iter().map(|t| t.flags).collect();
        assert!(f[0].contains(TokenFlags::SENTENCE_START));
        assert!(f[0].contains(TokenFlags::LINE_START));
        assert!(f[1].contains(TokenFlags::CAPITALIZED));
        assert!(!f[1].contains(TokenFlags::SENTENCE_START));
        assert!(f[3].contains(TokenFlags::SENTENCE_START));
        assert!(f[3].contains(TokenFlags::ALL_CAPS));
        assert!(f[5].contains(TokenFlags::LOWERCASE));
        assert!(f[6].contains(TokenFlags::LINE_START));
    }

    #[test]
    fn fold_name_matches_text_folding() {
        assert_eq!(fold_name("KIM, Jong-un"), "kim jong un");
        assert_eq!(
            fold_name("Limited Liability Company «Verus»"),
            "limited liability company verus"
        );
        assert_eq!(fold_name("E."), "");
        // Letters no decomposition takes apart: Turkish dotless i and
        // Azerbaijani schwa, as the lists transliterate them.
        assert_eq!(fold_name("İlham Əliyev"), "ilham aliyev");
        assert_eq!(fold_name("Lahıc Energy MMC"), "lahic energy mmc");
    }

    /// Whether the fast paths give what the general rules give: the same
    /// stream, tokens (spans and flags) and hushed spellings.
    fn same_as_general(text: &str) -> Result<(), String> {
        let (mut fast, mut general) = (Normalized::new(), Normalized::new());
        normalize_into(text, &mut fast);
        normalize_general_into(text, &mut general);
        if fast.folded != general.folded {
            return Err(format!(
                "{text:?}: stream {:?}, general {:?}",
                fast.stream(),
                general.stream()
            ));
        }
        if fast.tokens != general.tokens || fast.hushed != general.hushed {
            return Err(format!(
                "{text:?}: tokens {:?}, general {:?}",
                fast.tokens, general.tokens
            ));
        }
        Ok(())
    }

    /// Words and separators around which the fast paths stop or go on:
    /// capitalized, lower-case, all-caps and non-ASCII words, digits, name
    /// particles, acronyms, initials, apostrophes, hyphens, quotation
    /// marks, e-mail addresses and URLs, brackets, sentence ends, line and
    /// paragraph breaks.
    const WORDS: &[&str] = &[
        "the",
        "said",
        "Vladimir",
        "putin",
        "NELSON",
        "LLC",
        "Dériaska",
        "ERDOĞAN",
        "Șor",
        "ВЕРУС",
        "верус",
        "习近平",
        "33",
        "A4",
        "4x4",
        "al",
        "al-Assad",
        "bin",
        "de",
        "van",
        "U.S.",
        "S.R.O.",
        "s.r.o",
        "E.",
        "H.W.",
        "O'Brien",
        "O’Brien",
        "Putin's",
        "Putin’s",
        "Jong-un",
        "Mkry-\nchev",
        "North-\nKorea",
        "Co.",
        "Ltd.",
        "Zelenskyy",
        "Andriy",
        "anatolievich",
        "press@verus.example",
        "https://verus.example/x",
        "(Private)",
        "(Hong Kong)",
        "Ver\u{ad}sor",
        "ＶＥＲＵＳ",
        "Cafe\u{301}",
        "a",
        "I",
        "x",
        "Straße",
        "Žilina",
    ];

    const SEPARATORS: &[&str] = &[
        " ", " ", " ", "  ", ", ", ". ", ".", "\n", "\n\n", "; ", "? ", "! ", "\"", " \"", "“",
        "” ", "/", ": ", ":", "-", " - ", "—", "\t", "\r\n", ",", "'", "’s ", "(", ") ", "\u{a0}",
        "",
    ];

    #[test]
    fn the_fast_paths_give_what_the_general_rules_give() {
        for &(_, text, _, _) in CASES {
            same_as_general(text).unwrap();
        }
        for text in [
            "Under Secretary Brian E. Nelson’s office (OFAC) said, \"the regime of bashar al-assad\", \
             and vladimir putin met KIM JONG UN in 2019/2020; see https://x.example/a b@c.example.",
            "WASHINGTON (Reuters) -\nU.S. SANCTIONS PUTIN, LAVROV\n\nthe talks: ended? yes! no",
            "word",
            "word ",
            " word",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2",
            "Hongxiang Marine (Hong Kong) Ltd. and Sakunda Holdings (Private) Limited",
        ] {
            same_as_general(text).unwrap();
        }
        for w in WORDS {
            for sep in SEPARATORS {
                for w2 in WORDS {
                    same_as_general(&format!("{w}{sep}{w2}")).unwrap();
                    same_as_general(&format!("plain words {w}{sep}{w2} and more")).unwrap();
                }
            }
        }
    }

    proptest::proptest! {
        /// Random mixes of capitalized, lower-case, all-caps and non-ASCII
        /// words, digits, acronyms and punctuation fold the same on the
        /// fast paths as on the general rules.
        #[test]
        fn fast_paths_equal_general_rules(
            parts in proptest::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 0..40),
        ) {
            let text: String = parts
                .iter()
                .map(|&(w, s)| format!("{}{}", WORDS[w], SEPARATORS[s]))
                .collect();
            if let Err(e) = same_as_general(&text) {
                return Err(proptest::test_runner::TestCaseError::fail(e));
            }
        }

        /// The same over random text: ASCII letters, digits and
        /// punctuation of every class, with some non-ASCII letters,
        /// quotation marks and a soft hyphen.
        #[test]
        fn fast_paths_equal_general_rules_on_any_text(
            text in "[a-zA-Z0-9 ,.'\"\n\t:;@/()?!&#|_É-žА-я«»“”’\u{ad}-]{0,200}",
        ) {
            if let Err(e) = same_as_general(&text) {
                return Err(proptest::test_runner::TestCaseError::fail(e));
            }
        }

        /// The same over text that is mostly ASCII words and spaces, long
        /// enough to fill blocks of the fast path, with now and then a
        /// char of any kind (any Unicode char, punctuation of every
        /// class) between them.
        #[test]
        fn fast_paths_equal_general_rules_on_ascii_prose(
            parts in proptest::collection::vec(
                ("[a-zA-Z0-9]{1,12}", "( |  |, |\\. | \"|\\n|[ -~]|\\PC)"),
                0..120,
            ),
        ) {
            let text: String = parts.iter().map(|(w, s)| format!("{w}{s}")).collect();
            if let Err(e) = same_as_general(&text) {
                return Err(proptest::test_runner::TestCaseError::fail(e));
            }
        }
    }
}
