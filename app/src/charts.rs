//! Bar charts drawn as inline SVG by the server render, so they need no
//! script and look the same before and after hydration. Values are integers
//! (counts, or money in minor units); floating point only places pixels.
//!
//! Every chart is an image with a title for screen readers, and carries the
//! same numbers in a visually hidden table, so nothing is only in the picture.

use leptos::prelude::*;

use crate::i18n::{use_locale, Locale};
use crate::money;

/// How a chart's values read: plain counts, or minor units of a currency.
#[derive(Clone, Debug, PartialEq)]
pub enum Scale {
    Count,
    Money(String),
}

impl Scale {
    /// A value as the locale writes it: `1 234` / `1 234,50 €` in Finnish.
    pub fn label(&self, locale: Locale, value: i64) -> String {
        match self {
            Scale::Count => crate::format::number(locale, value, 0),
            Scale::Money(currency) => money::format_in(locale, value, currency),
        }
    }
}

/// One coloured set of bars: a value per category.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<i64>,
}

// The drawing's own coordinate system; the SVG scales to its box.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 40.0;
const SIDE: f64 = 8.0;
/// Category labels longer than this are cut; the table has them whole.
const LABEL_CHARS: usize = 12;
/// About how wide one character of an 11-unit label is.
const LABEL_CHAR_WIDTH: f64 = 6.2;
/// The widest a single bar gets.
const MAX_BAR: f64 = 56.0;

/// Whether there is anything to draw: some category and a value other than
/// zero. With nothing, the chart shows its empty text instead of a scale
/// that would divide by zero.
pub fn has_data(categories: &[String], series: &[Series]) -> bool {
    !categories.is_empty() && series.iter().any(|s| s.values.iter().any(|v| *v != 0))
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The labels under the bars, each different from the others: names that
/// start alike ("Leadership for new managers", "Leadership for teams")
/// would both cut to "Leadership…", so those keep their start and their
/// end instead, and if even that collides they are numbered by position.
fn short_labels(categories: &[String]) -> Vec<String> {
    let mut labels: Vec<String> = categories.iter().map(|c| short(c)).collect();
    // Only cut labels are changed: names that are the same in full stay
    // the same (the tooltip and the table tell them apart).
    let clashes = |labels: &[String], i: usize| {
        categories[i].chars().count() > LABEL_CHARS
            && labels
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && *other == labels[i])
    };
    let clashing: Vec<usize> = (0..labels.len()).filter(|&i| clashes(&labels, i)).collect();
    let cut = labels.clone();
    for &i in &clashing {
        // What sets the name apart from the others it was cut alike with:
        // the part after their common start, else its end.
        let others: Vec<&String> = clashing
            .iter()
            .filter(|&&j| j != i && cut[j] == cut[i])
            .map(|&j| &categories[j])
            .collect();
        labels[i] = distinct_part(&categories[i], &others);
    }
    let clashing: Vec<usize> = (0..labels.len()).filter(|&i| clashes(&labels, i)).collect();
    for &i in &clashing {
        let room = LABEL_CHARS.saturating_sub(4).max(1);
        let cut: String = categories[i].chars().take(room).collect();
        labels[i] = format!("{}. {}…", i + 1, cut.trim_end());
    }
    labels
}

/// `…new manag…` for "Leadership for new managers" beside "Leadership
/// for teams": the label from the word where it starts to differ from
/// `others`, cut to fit; the label's two ends when nothing tells it apart.
fn distinct_part(label: &str, others: &[&String]) -> String {
    let chars: Vec<char> = label.chars().collect();
    let common = others
        .iter()
        .map(|o| {
            o.chars()
                .zip(chars.iter())
                .take_while(|(a, b)| a == *b)
                .count()
        })
        .max()
        .unwrap_or(0);
    // Back to the start of the word the difference is in.
    let start = chars[..common.min(chars.len())]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    if start == 0 || start >= chars.len() {
        return ends(label);
    }
    let rest: String = chars[start..].iter().collect();
    let room = LABEL_CHARS - 1;
    if rest.chars().count() < room {
        format!("…{rest}")
    } else {
        let cut: String = rest.chars().take(room - 1).collect();
        format!("…{}…", cut.trim_end())
    }
}

/// `Leaders…agers`: the first and last characters of a long label.
fn ends(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= LABEL_CHARS {
        return label.to_string();
    }
    let head = (LABEL_CHARS - 1) / 2;
    let tail = LABEL_CHARS - 1 - head;
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{}…{}", start.trim_end(), end.trim_start())
}

/// Labels that would run into each other are thinned to every n-th; the
/// hidden table and each bar's tooltip still name every category.
fn label_step(categories: &[String]) -> usize {
    let band = (WIDTH - 2.0 * SIDE) / categories.len().max(1) as f64;
    let widest = short_labels(categories)
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0) as f64;
    ((widest * LABEL_CHAR_WIDTH + 6.0) / band).ceil().max(1.0) as usize
}

fn px(value: f64) -> String {
    format!("{value:.1}")
}

/// A grouped bar chart: one group per category, one bar per series.
/// Negative values (months with more refunds than charges) hang below the
/// zero line. `id` makes the element ids unique and names the bars'
/// `data-testid` (`{id}-bar`).
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    categories: Vec<String>,
    series: Vec<Series>,
    scale: Scale,
    /// What the chart says when there is nothing to draw.
    #[prop(into)]
    empty: String,
) -> impl IntoView {
    let locale = use_locale();
    if !has_data(&categories, &series) {
        return view! {
            <figure class="chart">
                <figcaption class="chart-title">{title}</figcaption>
                <p class="chart-empty" data-testid=format!("{id}-empty")>{empty}</p>
            </figure>
        }
        .into_any();
    }

    let value = |s: &Series, i: usize| s.values.get(i).copied().unwrap_or(0);
    let all = series
        .iter()
        .flat_map(|s| (0..categories.len()).map(move |i| value(s, i)));
    let high = all.clone().max().unwrap_or(0).max(0);
    let low = all.min().unwrap_or(0).min(0);
    // `has_data` guarantees a non-zero value, so the span is positive.
    let span = (high - low).max(1) as f64;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = |v: i64| TOP + (high - v) as f64 / span * plot_height;
    let band = (WIDTH - 2.0 * SIDE) / categories.len() as f64;
    // With few categories a band is wide; bars wider than this read as
    // blocks rather than bars.
    let group = (band * 0.76).min(MAX_BAR * series.len().max(1) as f64);
    let every = label_step(categories.as_slice());
    let bar = group / series.len().max(1) as f64;

    let mut gridlines = vec![(high, y(high)), (0, y(0))];
    if low < 0 {
        gridlines.push((low, y(low)));
    } else if high > 1 {
        gridlines.push((high / 2, y(high / 2)));
    }
    let grid = gridlines
        .iter()
        .map(|&(v, gy)| {
            let class = if v == 0 { "chart-axis" } else { "chart-grid" };
            view! { <line class=class x1=px(SIDE) x2=px(WIDTH - SIDE) y1=px(gy) y2=px(gy)/> }
        })
        .collect_view();
    // The values on the grid lines are drawn after the bars, with a halo in
    // the card's colour, so a bar never hides them.
    let ticks = gridlines
        .iter()
        .map(|&(v, gy)| view! { <text class="chart-tick" x=px(SIDE) y=px(gy - 4.0)>{scale.label(locale, v)}</text> })
        .collect_view();

    let labels = short_labels(&categories);
    let bars = categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let left = SIDE + band * i as f64 + (band - group) / 2.0;
            let rects = series
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let v = value(s, i);
                    let (top, bottom) = (y(v.max(0)), y(v.min(0)));
                    let tip = if series.len() > 1 {
                        format!("{category}, {}: {}", s.name, scale.label(locale, v))
                    } else {
                        format!("{category}: {}", scale.label(locale, v))
                    };
                    view! {
                        <rect class=format!("chart-bar series-{k}") data-testid=format!("{id}-bar")
                            data-value=v.to_string()
                            x=px(left + bar * k as f64) y=px(top)
                            width=px((bar - 2.0).max(1.0)) height=px((bottom - top).max(0.0))>
                            <title>{tip}</title>
                        </rect>
                    }
                })
                .collect_view();
            let label = (i % every == 0).then(|| {
                view! {
                    <text class="chart-label" x=px(SIDE + band * (i as f64 + 0.5)) y=px(HEIGHT - BOTTOM + 16.0)>
                        {labels[i].clone()}
                    </text>
                }
            });
            view! {
                <g>
                    {rects}
                    {label}
                </g>
            }
        })
        .collect_view();

    let legend = (series.len() > 1).then(|| {
        view! {
            <ul class="chart-legend">
                {series.iter().enumerate().map(|(k, s)| view! {
                    <li><span class=format!("chart-swatch series-{k}") aria-hidden="true"></span>{s.name.clone()}</li>
                }).collect_view()}
            </ul>
        }
    });

    let table_rows = categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            view! {
                <tr>
                    <th scope="row">{category.clone()}</th>
                    {series.iter().map(|s| view! { <td>{scale.label(locale, value(s, i))}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let box_label = title_id.clone();
    view! {
        <figure class="chart" data-testid=id.clone()>
            <figcaption class="chart-title" id=title_id.clone()>{title.clone()}</figcaption>
            {legend}
            // On a phone the drawing is wider than the card and scrolls; the box
            // takes the keyboard focus so it can be scrolled without a mouse.
            <div class="chart-box" tabindex="0" role="group" aria-labelledby=box_label>
                <svg class="chart-svg" role="img" aria-labelledby=title_id
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="xMidYMid meet">
                    <title>{title.clone()}</title>
                    {grid}
                    {bars}
                    {ticks}
                </svg>
            </div>
            <table class="visually-hidden">
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{locale.t("chart-category")}</th>
                        {series.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_draw_without_categories_or_with_only_zeros() {
        let zeros = vec![Series {
            name: "Seats".into(),
            values: vec![0, 0],
        }];
        assert!(!has_data(&[], &zeros));
        assert!(!has_data(&["a".into(), "b".into()], &zeros));
        assert!(!has_data(&["a".into()], &[]));
        let refunds = vec![Series {
            name: "Spend".into(),
            values: vec![0, -100],
        }];
        assert!(has_data(&["a".into(), "b".into()], &refunds));
    }

    #[test]
    fn crowded_labels_are_thinned_to_fit() {
        let labels = |n: usize, text: &str| (0..n).map(|_| text.to_string()).collect::<Vec<_>>();
        // Twelve months fit side by side; two services do too.
        assert_eq!(label_step(&labels(12, "2026-12")), 1);
        assert_eq!(label_step(&labels(2, "Leadership…")), 1);
        // Half a year of weeks shows every third week.
        assert_eq!(label_step(&labels(26, "2026-W49")), 3);
        assert_eq!(label_step(&[]), 1);
    }

    #[test]
    fn cut_labels_never_come_out_identical() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let labels = short_labels(&names(&[
            "Leadership for new managers",
            "Leadership for teams",
            "Excel",
        ]));
        assert_eq!(labels[2], "Excel");
        assert_ne!(labels[0], labels[1]);
        assert!(
            labels.iter().all(|l| l.chars().count() <= LABEL_CHARS),
            "{labels:?}"
        );
        assert_eq!(labels[0], "…new manage…");
        assert_eq!(labels[1], "…teams");
        // Same start and same end: numbered.
        let labels = short_labels(&names(&[
            "Project management basics",
            "Project management: basics",
        ]));
        assert_ne!(labels[0], labels[1], "{labels:?}");
        // Labels that were different stay as they were.
        assert_eq!(
            short_labels(&names(&["Leadership for new managers", "Sales"])),
            names(&["Leadership…", "Sales"])
        );
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(short("2026-12"), "2026-12");
        assert_eq!(short("Leadership for new managers"), "Leadership…");
    }
}
