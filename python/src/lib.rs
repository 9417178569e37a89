//! `gazex._native`: the Python binding of [`gazex::Extractor`] (PyO3).
//!
//! The Python package (`gazex/__init__.py`) wraps it; the stubs are in
//! `gazex/__init__.pyi`. Mentions cross into Python as JSON: each
//! document's records are serialized as `gazex extract` writes them (the
//! same fields, numbers and order) and read with `json.loads`, so a record
//! here is, byte for byte, a line of the CLI's output as a dict.
//!
//! The interpreter's lock is released while texts are matched:
//! [`Extractor::extract`] matches on the calling thread without it, and
//! `extract_many` takes a batch of inputs from the Python iterable (with
//! the lock), then matches the batch on the extractor's worker threads
//! without it.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString, PyTuple};
use rayon::prelude::*;

use gazex::date::DocDate;
use gazex::extractor::{Extracted, Input};
use gazex::output::Fields;

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

/// One input of `extract_many`: a `str`, or `(id, text)`, or
/// `(id, text, date)`; `position` names it in errors.
fn input_arg(item: &Bound<'_, PyAny>, position: usize) -> PyResult<Input> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Input::new(s.to_cow()?));
    }
    let bad = || {
        PyTypeError::new_err(format!(
            "extract_many: input {position} is a {}; expected a str, (id, text) or \
             (id, text, date)",
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
    let text = text.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "extract_many: input {position}: the text is a {}, not a str",
            type_name(&text)
        ))
    })?;
    let mut input = Input::new(text.to_cow()?).with_id(id);
    if t.len() == 3 {
        let date = t.get_item(2)?;
        input.date = date_arg(
            Some(&date),
            &format!("extract_many: input {position}: date"),
        )?;
    }
    Ok(input)
}

/// A document's records as a JSON array, as `gazex extract` writes them.
fn records_json(ex: &gazex::Extractor, e: &Extracted) -> String {
    serde_json::to_string(&ex.records(e)).expect("records serialize")
}

/// The mentions of one document, from its records' JSON.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
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
        let text = text.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("text must be a str, not {}", type_name(text)))
        })?;
        let mut input = Input::new(text.to_cow()?);
        match doc_id {
            Some(id) if !id.is_none() => {
                input.id = Some(id.str()?.to_cow()?.into_owned());
            }
            _ => {}
        }
        input.date = date_arg(date, "date")?;
        let inner = &self.inner;
        let json = py.detach(|| inner.extract_input(input).map(|e| records_json(inner, &e)));
        match json {
            Ok(json) => loads(py, &json),
            Err(e) => Err(PyValueError::new_err(e.reason)),
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
        Ok(MentionsIter {
            extractor: slf.clone().unbind(),
            inputs: Some(it.unbind()),
            ready: VecDeque::new(),
            in_flight: None,
            deferred: None,
            position: 0,
            batch,
            run_date,
        })
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
/// Batches are pipelined: once a batch's results are in, the next batch
/// is taken from the inputs and handed to the worker threads before the
/// results are turned into Python objects, so that the workers match
/// while Python builds dicts.
#[pyclass(module = "gazex._native")]
struct MentionsIter {
    extractor: Py<Extractor>,
    /// `None` once exhausted.
    inputs: Option<Py<PyIterator>>,
    /// Results found, not yet yielded: a document's records' JSON, or why
    /// it failed.
    ready: VecDeque<Result<String, String>>,
    /// The batch being matched on the worker threads (in a Mutex only to
    /// make the iterator Sync, as PyO3 asks).
    in_flight: Option<Mutex<Receiver<Batch>>>,
    /// An error taking the next inputs, raised once the results before
    /// them are yielded.
    deferred: Option<PyErr>,
    position: usize,
    batch: usize,
    run_date: DocDate,
}

/// A batch's results, in input order.
type Batch = Vec<Result<String, String>>;

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
            Some(Ok(json)) => loads(py, &json).map(Some),
            Some(Err(reason)) => Err(PyValueError::new_err(reason)),
        }
    }
}

impl MentionsIter {
    /// Waits (without the interpreter's lock) for the batch in flight,
    /// starting one if none is, then starts the next before returning.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.in_flight.is_none() && self.deferred.is_none() {
            self.start(py)?;
        }
        let Some(rx) = self.in_flight.take() else {
            return Ok(());
        };
        // (A closed channel would mean the batch's job panicked: its
        // results are lost, say so.)
        let rx = rx.into_inner().unwrap_or_else(|e| e.into_inner());
        let results = py.detach(move || rx.recv()).map_err(|_| {
            PyValueError::new_err("internal error: a batch of extract_many was lost")
        })?;
        self.ready.extend(results);
        if let Err(e) = self.start(py) {
            self.deferred = Some(e);
        }
        Ok(())
    }

    /// Takes the next batch of inputs (with the interpreter's lock) and
    /// hands it to the worker threads, which match it and serialize its
    /// records without the lock.
    fn start(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(inputs) = &self.inputs else {
            return Ok(());
        };
        let mut it = inputs.bind(py).clone();
        let mut batch = Vec::with_capacity(self.batch);
        while batch.len() < self.batch {
            match it.next() {
                Some(item) => match item.and_then(|i| input_arg(&i, self.position + batch.len())) {
                    Ok(input) => batch.push(input),
                    Err(e) => {
                        // Nothing after a bad input is taken.
                        self.inputs = None;
                        return Err(e);
                    }
                },
                None => {
                    self.inputs = None;
                    break;
                }
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        let first = self.position;
        self.position += batch.len();
        let run_date = self.run_date;
        let extractor = self.extractor.clone_ref(py);
        let (tx, rx) = std::sync::mpsc::channel();
        self.extractor.get().inner.pool().spawn(move || {
            let ex = &extractor.get().inner;
            let found = ex.extract_batch(batch, first, Some(run_date));
            // The records are serialized on the workers too.
            let results: Batch = found
                .into_par_iter()
                .map(|r| match r {
                    Ok(e) => Ok(records_json(ex, &e)),
                    Err(e) => Err(e.reason),
                })
                .collect();
            // (The iterator may be gone: nobody wants the results then.)
            let _ = tx.send(results);
            // `extractor` is dropped here, off the interpreter's lock:
            // PyO3 defers its reference count to when the lock is next held.
            drop(extractor);
        });
        self.in_flight = Some(Mutex::new(rx));
        Ok(())
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
