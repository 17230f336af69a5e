//! CSV records: which article field each header column holds, and a row
//! turned into an article.

use serde_json::Value;

use super::{FieldMap, InputFile, Raw};
use crate::article::Article;

/// A CSV file's header: what each column holds, and its name.
pub(super) struct CsvHeader {
    pub(super) columns: Vec<Column>,
    pub(super) names: Vec<String>,
}

/// Which article field a CSV column or a JSON key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    Id,
    Source,
    Published,
    Title,
    Text,
    Url,
    Extra,
}

impl Column {
    /// The field `name` maps to under `fields`.
    pub(super) fn of(name: &str, fields: &FieldMap) -> Column {
        if name == fields.id {
            Column::Id
        } else if name == fields.source {
            Column::Source
        } else if name == fields.published {
            Column::Published
        } else if name == fields.title {
            Column::Title
        } else if name == fields.text {
            Column::Text
        } else if name == fields.url {
            Column::Url
        } else {
            Column::Extra
        }
    }
}

pub(super) fn csv_article(
    header: &CsvHeader,
    values: &[String],
    file: &InputFile,
    line: u64,
) -> Raw {
    let columns = &header.columns;
    if values.len() != columns.len() {
        return Raw::Bad(format!(
            "CSV record has {} fields, the header has {}",
            values.len(),
            columns.len()
        ));
    }
    let mut article = Article::default();
    let optional = |v: &str| (!v.is_empty()).then(|| v.to_string());
    for (i, (column, value)) in columns.iter().zip(values).enumerate() {
        match column {
            Column::Id => article.id = value.clone(),
            Column::Source => article.source = optional(value),
            Column::Published => article.published = optional(value),
            Column::Title => article.title = optional(value),
            Column::Text => article.text = value.clone(),
            Column::Url => article.url = optional(value),
            Column::Extra => {
                let name = header.names[i].clone();
                article.extra.insert(name, Value::String(value.clone()));
            }
        }
    }
    if article.id.is_empty() {
        article.id = format!("{}:{line}", file.path.display());
    }
    Raw::Ready(Box::new(article))
}
