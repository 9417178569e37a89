//! `gazex._native`: the Python binding of [`gazex::Extractor`] (PyO3).
//!
//! The Python package (`gazex/__init__.py`) wraps it; the stubs are in
//! `gazex/__init__.pyi`. A mention is the record `gazex extract` writes
//! (the same fields, numbers and order), serialized straight into a
//! Python dict ([`pyobj`]): the dict `json.loads` would make of the CLI's
//! line, without the JSON.
//!
//! Texts are not copied with the interpreter's lock held: a text is taken
//! as a [`PyBackedStr`], which borrows the `str`'s own UTF-8 where the
//! stable ABI of the build allows it (Python 3.10 and later) and on this
//! package's floor, Python 3.9's, holds the `bytes` of its UTF-8
//! encoding (`PyUnicode_AsUTF8AndSize` is in the limited API only from
//! 3.10); the worker threads copy it into the document. Lines given to
//! `extract_jsonl` as `bytes` are read where they are, never copied.
//!
//! The interpreter's lock is released while texts are matched:
//! [`Extractor::extract`] matches on the calling thread without it, and
//! `extract_many` takes a batch of inputs from the Python iterable (with
//! the lock), then matches the batch on the extractor's worker threads
//! without it.
//!
//! `extract_jsonl` takes lines of JSON Lines instead, reads them with the
//! library's own reader ([`gazex::input::jsonl::parse_line`]) and hands
//! back the records' JSON as strings, so that a program that has JSON
//! Lines and wants JSON Lines (the Spark example's workers) gets what
//! `gazex extract --input-format jsonl` would write, without building a
//! dict per mention.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyIterator, PyList, PyString, PyTuple};
use rayon::prelude::*;

use gazex::date::{DateSource, DocDate};
use gazex::document::source_hash;
use gazex::extractor::{Extracted, Input};
use gazex::input::jsonl;
use gazex::output::Fields;
use gazex::InputError;

mod pyobj;
use pyobj::Keys;

/// Finds mentions of gazetteer entities in texts (see the package docs).
#[pyclass(frozen, subclass, module = "gazex._native", name = "Extractor")]
struct Extractor {
    inner: gazex::Extractor,
}

/// The name of `obj`'s type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// A date given from Python: `None`, a `str` (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, optionally with an ISO time), or anything with
/// `isoformat()` (`datetime.date`, `datetime.datetime`, a pandas
/// `Timestamp`).
fn date_arg(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<DocDate>> {
    let Some(v) = value else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    let text: String = if let Ok(s) = v.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if v.hasattr("isoformat")? {
        v.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a str (YYYY, YYYY-MM or YYYY-MM-DD) or a date, not {}",
            type_name(v)
        )));
    };
    // An ISO time after the day is allowed, as in a JSON Lines date field.
    let day = text.split(['T', ' ']).next().unwrap_or("");
    DocDate::parse(day)
        .map(Some)
        .map_err(|e| PyValueError::new_err(format!("{what}: invalid date {text:?}: {e}")))
}

/// An input taken from Python, its text not yet copied: [`Input`] once
/// a worker thread has copied it ([`TextInput::input`]).
struct TextInput {
    id: Option<String>,
    text: Text,
    date: Option<DocDate>,
}

/// Where an input's text is: a `str`, or a file (an `os.PathLike`), read
/// by the worker thread that matches it.
enum Text {
    Str(PyBackedStr),
    File(PathBuf),
}

impl TextInput {
    /// The input of `text`, a `str` or an `os.PathLike`; `None` for
    /// anything else.
    fn new(text: &Bound<'_, PyAny>) -> PyResult<Option<TextInput>> {
        let text = if let Ok(s) = text.cast::<PyString>() {
            Text::Str(PyBackedStr::try_from(s.clone())?)
        } else if text.hasattr("__fspath__")? {
            Text::File(text.extract()?)
        } else {
            return Ok(None);
        };
        Ok(Some(TextInput {
            id: None,
            text,
            date: None,
        }))
    }

    /// The input, its text copied out of Python's object (which is let go
    /// of here; without the interpreter's lock, PyO3 lets go of it once
    /// the lock is next taken).
    fn input(self) -> Input {
        let input = match self.text {
            Text::Str(s) => Input::new(s.as_str()),
            Text::File(path) => Input::from_file(path),
        };
        Input {
            id: self.id,
            date: self.date,
            ..input
        }
    }
}

/// One input of `extract_many`: a `str`, or `(id, text)`, or
/// `(id, text, date)`; `position` names it in errors.
fn input_arg(item: &Bound<'_, PyAny>, position: usize) -> PyResult<TextInput> {
    if let Some(input) = TextInput::new(item)? {
        return Ok(input);
    }
    let bad = || {
        PyTypeError::new_err(format!(
            "extract_many: input {position} is a {}; expected a str, a path \
             (os.PathLike), (id, text) or (id, text, date)",
            type_name(item)
        ))
    };
    let Ok(t) = item.cast::<PyTuple>() else {
        return Err(bad());
    };
    if !(2..=3).contains(&t.len()) {
        return Err(bad());
    }
    let id = t.get_item(0)?;
    let id = if let Ok(s) = id.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else {
        id.str()?.to_cow()?.into_owned()
    };
    let text = t.get_item(1)?;
    let mut input = TextInput::new(&text)?.ok_or_else(|| {
        PyTypeError::new_err(format!(
            "extract_many: input {position}: the text is a {}, not a str nor a path",
            type_name(&text)
        ))
    })?;
    input.id = Some(id);
    if t.len() == 3 {
        let date = t.get_item(2)?;
        input.date = date_arg(
            Some(&date),
            &format!("extract_many: input {position}: date"),
        )?;
    }
    Ok(input)
}

/// What went wrong with an input: the reason, after the document's name
/// (a file's path, a text's id, or its position among the inputs of
/// `extract_many`); for `extract`'s text without an id, the reason alone.
fn input_error(e: InputError) -> String {
    if e.path.as_os_str().is_empty() {
        e.reason
    } else {
        e.to_string()
    }
}

/// A document's mentions: a list of dicts, the records `gazex extract`
/// writes.
fn mentions<'py>(
    py: Python<'py>,
    keys: &mut Keys,
    ex: &gazex::Extractor,
    e: &Extracted,
) -> PyResult<Bound<'py, PyAny>> {
    pyobj::to_python(py, keys, &ex.records(e))
}

/// A document's records as `gazex extract` writes them, one JSON object a
/// line, the lines joined by `\n` (none after the last; empty for no
/// mention). A record's JSON holds no line break (JSON escapes them in
/// strings), so the lines split back at `\n`.
fn records_lines(ex: &gazex::Extractor, e: &Extracted) -> String {
    let mut out = String::new();
    for (i, r) in ex.records(e).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&serde_json::to_string(r).expect("records serialize"));
    }
    out
}

/// How `extract_jsonl` reads its lines: as `gazex extract --input-format
/// jsonl` reads the lines of one input named `source` (standard input is
/// `-`). Shared by the batches of one call, one batch at a time.
struct JsonlReading {
    fields: jsonl::Fields,
    source: String,
    /// The ids given so far, hashed as the CLI's run keeps them.
    seen: HashSet<u128>,
}

impl JsonlReading {
    /// `id` if no document before had it, else its qualified forms in
    /// turn, as the CLI names a JSON Lines record whose id is taken
    /// (`DocIds::take` in src/extract.rs; README, "Document ids"); `None`
    /// when all are taken.
    fn take(&mut self, id: &str, line: u64) -> Option<String> {
        let source = &self.source;
        [
            id.to_string(),
            format!("{source}#{id}"),
            format!("{source}:{line}#{id}"),
        ]
        .into_iter()
        .find(|candidate| self.seen.insert(source_hash(candidate.as_bytes())))
    }
}

/// An error of line `line` of `source`, as the CLI words it
/// (`-:3: not a JSON record: …`).
fn line_error(source: &str, line: u64, reason: impl Into<String>) -> String {
    InputError::new(Path::new(source), reason)
        .at_line(line)
        .to_string()
}

/// The results of a batch of JSON Lines lines (`(line number, bytes)`):
/// each parsed as the CLI parses a line (on the worker threads), given a
/// unique id (in line order), then matched; a blank line has no records.
fn jsonl_batch(
    ex: &gazex::Extractor,
    reading: &Mutex<JsonlReading>,
    lines: Vec<(u64, Line)>,
    run_date: DocDate,
) -> Batch {
    let (fields, source) = {
        let r = reading.lock().unwrap_or_else(|e| e.into_inner());
        (r.fields.clone(), r.source.clone())
    };
    let max = gazex::input::MAX_RECORD;
    let parsed: Vec<Option<Result<gazex::document::Document, String>>> = ex.pool().install(|| {
        lines
            .par_iter()
            .map(|(line, bytes)| {
                let bytes = bytes.bytes();
                // The CLI counts the line break in the record's length.
                if bytes.len() as u64 >= max {
                    let why = format!("record longer than {max} bytes, skipped");
                    return Some(Err(line_error(&source, *line, why)));
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    return None;
                }
                Some(jsonl::parse_line(bytes, &fields, &source, *line).map_err(|e| e.to_string()))
            })
            .collect()
    });
    // Ids are given in line order, as the CLI gives them. A line's slot:
    // `None` blank, `Some(Ok(()))` an input of the batch (in line order),
    // `Some(Err(why))` unreadable.
    let mut reading = reading.lock().unwrap_or_else(|e| e.into_inner());
    let mut inputs = Vec::new();
    let slots: Vec<Option<Result<(), String>>> = lines
        .iter()
        .zip(parsed)
        .map(|((line, _), p)| {
            p.map(|p| {
                let doc = p?;
                let id = reading.take(&doc.id, *line).ok_or_else(|| {
                    line_error(
                        &source,
                        *line,
                        format!(
                            "document id {:?} is another document's in this run, skipped",
                            doc.id
                        ),
                    )
                })?;
                let mut input = Input::new(doc.text).with_id(id);
                if doc.date_source == DateSource::Field {
                    input.date = doc.date;
                }
                inputs.push(input);
                Ok(())
            })
        })
        .collect();
    drop(reading);
    let mut found = ex.extract_batch(inputs, 0, Some(run_date)).into_iter();
    let outcomes: Vec<_> = lines
        .iter()
        .zip(slots)
        .map(|((line, _), slot)| {
            let outcome = slot.map(|s| s.map(|()| found.next().expect("a result an input")));
            (*line, outcome)
        })
        .collect();
    // The records are serialized on the workers too.
    ex.pool().install(|| {
        outcomes
            .into_par_iter()
            .map(|(line, outcome)| match outcome {
                None => Ok(Found::Lines(String::new())),
                Some(Err(why)) => Err(why),
                Some(Ok(Ok(e))) => Ok(Found::Lines(records_lines(ex, &e))),
                Some(Ok(Err(e))) => Err(line_error(&source, line, e.reason)),
            })
            .collect()
    })
}

/// A line given to `extract_jsonl`, read where Python keeps it (a `str`'s
/// UTF-8 as [`PyBackedStr`] has it, a `bytes` object's own bytes).
struct Line {
    data: LineData,
    /// Its length without the final line break.
    len: usize,
}

enum LineData {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Line {
    /// The line's bytes, without a final line break.
    fn bytes(&self) -> &[u8] {
        let all: &[u8] = match &self.data {
            LineData::Str(s) => s.as_bytes(),
            LineData::Bytes(b) => b,
        };
        &all[..self.len]
    }
}

/// One input of `extract_jsonl`: a line (`str` or `bytes`; a final line
/// break is dropped); `position` names it in errors.
fn line_arg(item: &Bound<'_, PyAny>, position: usize) -> PyResult<Line> {
    let data = if let Ok(s) = item.cast::<PyString>() {
        LineData::Str(PyBackedStr::try_from(s.clone())?)
    } else if let Ok(b) = item.cast::<PyBytes>() {
        LineData::Bytes(PyBackedBytes::from(b.clone()))
    } else {
        return Err(PyTypeError::new_err(format!(
            "extract_jsonl: input {position} is a {}; expected a line (str or bytes)",
            type_name(item)
        )));
    };
    let mut line = Line { data, len: 0 };
    let all = match &line.data {
        LineData::Str(s) => s.as_bytes(),
        LineData::Bytes(b) => b,
    };
    let len = all.len() - usize::from(all.last() == Some(&b'\n'));
    if all[..len].contains(&b'\n') {
        return Err(PyValueError::new_err(format!(
            "extract_jsonl: input {position} holds a line break inside: give one line an input"
        )));
    }
    line.len = len;
    Ok(line)
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (
        gazetteers = None,
        *,
        threads = None,
        no_merge = false,
        min_confidence = None,
        date = None,
        run_date = None,
        datelines = false,
        context = None,
        fields = None,
        max_text_bytes = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gazetteers: Option<Vec<PathBuf>>,
        threads: Option<usize>,
        no_merge: bool,
        min_confidence: Option<f32>,
        date: Option<&Bound<'_, PyAny>>,
        run_date: Option<&Bound<'_, PyAny>>,
        datelines: bool,
        context: Option<usize>,
        fields: Option<&Bound<'_, PyAny>>,
        max_text_bytes: Option<usize>,
    ) -> PyResult<Extractor> {
        let mut b = gazex::Extractor::builder()
            .gazetteers(gazetteers.unwrap_or_default())
            .no_merge(no_merge)
            .datelines(datelines);
        if let Some(n) = threads {
            if n == 0 {
                return Err(PyValueError::new_err("threads must be at least 1"));
            }
            b = b.threads(n);
        }
        if let Some(x) = min_confidence {
            if !(0.0..=1.0).contains(&x) {
                return Err(PyValueError::new_err(format!(
                    "min_confidence must be between 0 and 1, not {x}"
                )));
            }
            b = b.min_confidence(x);
        }
        if let Some(d) = date_arg(date, "date")? {
            b = b.date(d);
        }
        if let Some(d) = date_arg(run_date, "run_date")? {
            b = b.run_date(d);
        }
        if let Some(n) = context {
            b = b.context(n);
        }
        if let Some(n) = max_text_bytes {
            b = b.max_text(n);
        }
        if let Some(f) = fields {
            let fields = if let Ok(s) = f.cast::<PyString>() {
                Fields::parse(&s.to_cow()?)
            } else {
                let names: Vec<String> = f.extract().map_err(|_| {
                    PyTypeError::new_err("fields must be \"all\", a str of names or a list of str")
                })?;
                Fields::Some(names)
            };
            b = b.fields(fields);
        }
        let inner = py
            .detach(|| b.build())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Extractor { inner })
    }

    /// The mentions in `text` (a list of dicts, the fields of `gazex
    /// extract`'s JSON records), in text order.
    #[pyo3(signature = (text, doc_id = None, date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        doc_id: Option<&Bound<'py, PyAny>>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut input = TextInput::new(text)?.ok_or_else(|| {
            PyTypeError::new_err(format!(
                "text must be a str or a path (os.PathLike), not {}",
                type_name(text)
            ))
        })?;
        match doc_id {
            Some(id) if !id.is_none() => {
                input.id = Some(id.str()?.to_cow()?.into_owned());
            }
            _ => {}
        }
        input.date = date_arg(date, "date")?;
        let inner = &self.inner;
        match py.detach(|| inner.extract_input(input.input())) {
            Ok(e) => mentions(py, &mut Keys::default(), inner, &e),
            Err(e) => Err(PyValueError::new_err(input_error(e))),
        }
    }

    /// An iterator over the mentions of each input, in input order.
    #[pyo3(signature = (inputs, *, batch_size = None))]
    fn extract_many(
        slf: Bound<'_, Self>,
        inputs: &Bound<'_, PyAny>,
        batch_size: Option<usize>,
    ) -> PyResult<MentionsIter> {
        if inputs.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "extract_many takes an iterable of texts, not one str (use extract)",
            ));
        }
        let it = PyIterator::from_object(inputs)?;
        let inner = &slf.get().inner;
        let batch = batch_size.unwrap_or(64 * inner.threads().max(1)).max(1);
        // One run date for all the inputs, as for one `gazex extract`.
        let run_date = inner.run_date_now();
        Ok(MentionsIter::new(&slf, it, batch, run_date, None))
    }

    /// An iterator over the records of JSON Lines documents, one list of
    /// JSON strings per line, as `gazex extract --input-format jsonl`
    /// reads and writes them.
    #[pyo3(signature = (
        lines,
        *,
        source = "-".to_string(),
        id_field = "id".to_string(),
        text_field = "text".to_string(),
        date_field = "date".to_string(),
        batch_size = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn extract_jsonl(
        slf: Bound<'_, Self>,
        lines: &Bound<'_, PyAny>,
        source: String,
        id_field: String,
        text_field: String,
        date_field: String,
        batch_size: Option<usize>,
    ) -> PyResult<MentionsIter> {
        if lines.is_instance_of::<PyString>() || lines.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "extract_jsonl takes an iterable of lines, not one str or bytes \
                 (split it: text.splitlines())",
            ));
        }
        let it = PyIterator::from_object(lines)?;
        let inner = &slf.get().inner;
        let batch = batch_size.unwrap_or(64 * inner.threads().max(1)).max(1);
        let run_date = inner.run_date_now();
        let reading = JsonlReading {
            fields: jsonl::Fields {
                id: id_field,
                text: text_field,
                date: date_field,
            },
            source,
            seen: HashSet::new(),
        };
        Ok(MentionsIter::new(
            &slf,
            it,
            batch,
            run_date,
            Some(Arc::new(Mutex::new(reading))),
        ))
    }

    /// The number of worker threads.
    #[getter]
    fn threads(&self) -> usize {
        self.inner.threads()
    }

    /// The number of entities loaded.
    #[getter]
    fn entity_count(&self) -> usize {
        self.inner.entities().len()
    }

    /// What loading reported (warnings, imports), as lines of text.
    #[getter]
    fn notices(&self) -> Vec<String> {
        self.inner.notices().iter().map(|n| n.to_string()).collect()
    }

    /// Where the matcher came from (built, compiled, the cache).
    #[getter]
    fn origin(&self) -> String {
        self.inner.origin().to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<gazex.Extractor: {} entities, {} threads>",
            self.inner.entities().len(),
            self.inner.threads()
        )
    }
}

/// The results of `Extractor.extract_many`: one list of mentions per input,
/// in input order.
///
/// Batches are pipelined: while the workers match a batch, the next
/// batch's inputs are taken from the caller's iterator; once the batch's
/// results are in, the next batch is handed to the workers before the
/// results are turned into Python objects. So the workers match while
/// Python produces inputs and while it builds dicts.
#[pyclass(module = "gazex._native")]
struct MentionsIter {
    extractor: Py<Extractor>,
    /// `None` once exhausted.
    inputs: Option<Py<PyIterator>>,
    /// Results found, not yet yielded, or why an input failed.
    ready: VecDeque<Result<Found, String>>,
    /// The batch being matched on the worker threads (in a Mutex only to
    /// make the iterator Sync, as PyO3 asks).
    in_flight: Option<Mutex<Receiver<Batch>>>,
    /// An error taking the next inputs, raised once the results before
    /// them are yielded.
    deferred: Option<PyErr>,
    position: usize,
    batch: usize,
    run_date: DocDate,
    /// For `extract_jsonl`: how its lines are read (the inputs are lines,
    /// the results lists of JSON strings).
    jsonl: Option<Arc<Mutex<JsonlReading>>>,
    /// The dicts' keys, made once.
    keys: Keys,
}

impl MentionsIter {
    /// An iterator over `inputs`, nothing taken yet.
    fn new(
        extractor: &Bound<'_, Extractor>,
        inputs: Bound<'_, PyIterator>,
        batch: usize,
        run_date: DocDate,
        jsonl: Option<Arc<Mutex<JsonlReading>>>,
    ) -> MentionsIter {
        MentionsIter {
            extractor: extractor.clone().unbind(),
            inputs: Some(inputs.unbind()),
            ready: VecDeque::new(),
            in_flight: None,
            deferred: None,
            position: 0,
            batch,
            run_date,
            jsonl,
            keys: Keys::default(),
        }
    }
}

/// One input's result.
enum Found {
    /// `extract_many`'s: the document and its mentions, made into dicts
    /// when yielded.
    Doc(Box<Extracted>),
    /// `extract_jsonl`'s: the line's records as JSON, one a line.
    Lines(String),
}

/// A batch's results, in input order.
type Batch = Vec<Result<Found, String>>;

#[pymethods]
impl MentionsIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.ready.is_empty() {
            self.fill(py)?;
        }
        match self.ready.pop_front() {
            None => match self.deferred.take() {
                Some(e) => Err(e),
                None => Ok(None),
            },
            Some(Ok(Found::Lines(json))) => {
                let lines: Vec<&str> = if json.is_empty() {
                    Vec::new()
                } else {
                    json.split('\n').collect()
                };
                Ok(Some(PyList::new(py, lines)?.into_any()))
            }
            Some(Ok(Found::Doc(e))) => {
                let ex = &self.extractor.get().inner;
                mentions(py, &mut self.keys, ex, &e).map(Some)
            }
            Some(Err(reason)) => Err(PyValueError::new_err(reason)),
        }
    }
}

/// Inputs taken for a batch, not yet handed to the worker threads.
enum Taken {
    /// `extract_many`'s, the first at position `first`.
    Texts {
        inputs: Vec<TextInput>,
        first: usize,
    },
    /// `extract_jsonl`'s: (line number, line).
    Lines(Vec<(u64, Line)>),
}

impl MentionsIter {
    /// Waits (without the interpreter's lock) for the batch in flight,
    /// starting one if none is; takes the next batch's inputs while the
    /// workers match it, and hands them over once its results are in.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.in_flight.is_none() && self.deferred.is_none() {
            let (taken, error) = self.take(py);
            self.deferred = error;
            if let Some(taken) = taken {
                self.spawn(py, taken);
            }
        }
        let Some(rx) = self.in_flight.take() else {
            return Ok(());
        };
        // Taking inputs runs Python (the caller's iterator: reading files,
        // parsing, Spark's deserializing), so it is done while the workers
        // match, not while they wait for it.
        let next = if self.deferred.is_none() {
            let (taken, error) = self.take(py);
            self.deferred = error;
            taken
        } else {
            None
        };
        // (A closed channel would mean the batch's job panicked: its
        // results are lost, say so.)
        let rx = rx.into_inner().unwrap_or_else(|e| e.into_inner());
        let results = py.detach(move || rx.recv()).map_err(|_| {
            PyValueError::new_err("internal error: a batch of extract_many was lost")
        })?;
        self.ready.extend(results);
        if let Some(taken) = next {
            self.spawn(py, taken);
        }
        Ok(())
    }

    /// Takes the next batch of inputs (with the interpreter's lock): the
    /// inputs taken, if any, and the error that stopped the taking, if
    /// one did (raised once the results of the inputs before it are
    /// yielded; nothing after a bad input is taken).
    fn take(&mut self, py: Python<'_>) -> (Option<Taken>, Option<PyErr>) {
        let Some(inputs) = &self.inputs else {
            return (None, None);
        };
        let mut it = inputs.bind(py).clone();
        let lines = self.jsonl.is_some();
        let first = self.position;
        let (mut texts, mut read) = (Vec::new(), Vec::new());
        let mut error = None;
        while self.position - first < self.batch {
            let Some(item) = it.next() else {
                self.inputs = None;
                break;
            };
            let position = self.position;
            let taken = item.and_then(|i| {
                if lines {
                    // Lines are counted from 1, as the CLI counts them.
                    line_arg(&i, position).map(|b| read.push((position as u64 + 1, b)))
                } else {
                    input_arg(&i, position).map(|input| texts.push(input))
                }
            });
            if let Err(e) = taken {
                error = Some(e);
                self.inputs = None;
                break;
            }
            self.position += 1;
        }
        let taken = if self.position == first {
            None
        } else if lines {
            Some(Taken::Lines(read))
        } else {
            Some(Taken::Texts {
                inputs: texts,
                first,
            })
        };
        (taken, error)
    }

    /// Hands a batch to the worker threads, which copy its texts and match
    /// them (and serialize the records of `extract_jsonl`'s lines) without
    /// the interpreter's lock.
    fn spawn(&mut self, py: Python<'_>, taken: Taken) {
        let run_date = self.run_date;
        let extractor = self.extractor.clone_ref(py);
        let reading = self.jsonl.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        self.extractor.get().inner.pool().spawn(move || {
            let ex = &extractor.get().inner;
            let results: Batch = match (taken, reading) {
                (Taken::Lines(lines), Some(reading)) => jsonl_batch(ex, &reading, lines, run_date),
                (Taken::Texts { inputs, first }, _) => {
                    let inputs = ex
                        .pool()
                        .install(|| inputs.into_par_iter().map(TextInput::input).collect());
                    ex.extract_batch(inputs, first, Some(run_date))
                        .into_iter()
                        .map(|r| match r {
                            Ok(e) => Ok(Found::Doc(Box::new(e))),
                            Err(e) => Err(input_error(e)),
                        })
                        .collect()
                }
                (Taken::Lines(_), None) => unreachable!("lines are taken by extract_jsonl"),
            };
            // (The iterator may be gone: nobody wants the results then.)
            let _ = tx.send(results);
            // `extractor` is dropped here, off the interpreter's lock:
            // PyO3 defers its reference count to when the lock is next held.
            drop(extractor);
        });
        self.in_flight = Some(Mutex::new(rx));
    }
}

/// The Rust extension of the `gazex` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<MentionsIter>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
