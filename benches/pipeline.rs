//! Criterion benchmarks of the copy-detection stages, each over the same
//! deterministic synthetic corpus (2,000 news-like articles of 250–550
//! words, a third of them edited copies). See `benches/README.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wirediff::candidates::{self, Bands};
use wirediff::shingle::{Scratch, Shingling};
use wirediff::sketch::{Kernel, Sketcher};

/// Deterministic corpus: Zipf-like words drawn with a xorshift generator.
fn corpus(articles: usize) -> Vec<String> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let vocabulary: Vec<String> = (0..20_000)
        .map(|i| {
            let len = 2 + (i * 7919) % 8;
            (0..len)
                .map(|j| (b'a' + ((i * 31 + j * 17) % 26) as u8) as char)
                .collect()
        })
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(articles);
    for i in 0..articles {
        if i % 3 == 2 {
            let source = &out[i - 1];
            let cut = source.len() * 2 / 3;
            let cut = source[..cut].rfind(' ').unwrap_or(cut);
            out.push(format!("{} with a local paragraph added", &source[..cut]));
            continue;
        }
        let words = 250 + (next() % 300) as usize;
        let text: Vec<&str> = (0..words)
            .map(|_| {
                // Rank ~ 1/u: a heavy head and a long tail.
                let u = (next() % 1_000_000) as f64 / 1_000_000.0 + 1e-6;
                let rank = ((1.0 / u) as usize).min(vocabulary.len()) - 1;
                vocabulary[rank].as_str()
            })
            .collect();
        out.push(text.join(" ") + ".");
    }
    out
}

fn stages(c: &mut Criterion) {
    let texts = corpus(2_000);
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let shingling = Shingling::default();
    let mut scratch = Scratch::default();
    let shingles: Vec<Vec<u64>> = texts
        .iter()
        .map(|t| shingling.set(t, &mut scratch))
        .collect();

    let mut group = c.benchmark_group("shingle");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("word5", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for text in &texts {
                out.clear();
                shingling.hashes_into(black_box(text), &mut scratch, &mut out);
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("sketch");
    group.throughput(Throughput::Elements(texts.len() as u64));
    for (name, kernel) in [("ours", Kernel::Simd), ("minhash-rs", Kernel::MinhashRs)] {
        let sketcher = Sketcher::new(1, 128, kernel);
        group.bench_function(name, |b| {
            let (mut sig, mut fingerprints) = (vec![0; 128], Vec::new());
            b.iter(|| {
                for set in &shingles {
                    sketcher.sketch_into(black_box(set), &mut fingerprints, &mut sig);
                }
            })
        });
    }
    group.finish();

    let sketcher = Sketcher::new(1, 128, Kernel::Simd);
    let signatures: Vec<u32> = shingles.iter().flat_map(|s| sketcher.sketch(s)).collect();
    let skip = vec![false; texts.len()];
    let bands = Bands::for_threshold(0.296, 128);
    let mut group = c.benchmark_group("candidates");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("bands", |b| {
        b.iter(|| candidates::pairs(black_box(&signatures), 128, bands, &skip))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = stages
}
criterion_main!(benches);
