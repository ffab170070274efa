//! What a login costs on this machine: one Argon2id hash (creating an account or changing a
//! password) and one verification (a login, an unlock), with the OWASP parameters the
//! keychain backend uses. Run: `cargo bench -p deskdash-auth`.

use criterion::{criterion_group, criterion_main, Criterion};
use deskdash_auth::{hash_password, verify_password};

fn login(c: &mut Criterion) {
    let stored = hash_password("correct horse battery").expect("a hash");
    let mut group = c.benchmark_group("argon2id");
    group.sample_size(20);
    group.bench_function("hash (create account)", |b| b.iter(|| hash_password("correct horse battery")));
    group.bench_function("verify (login)", |b| b.iter(|| verify_password("correct horse battery", &stored)));
    group.finish();
}

criterion_group!(benches, login);
criterion_main!(benches);
