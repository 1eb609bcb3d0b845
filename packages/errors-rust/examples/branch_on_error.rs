//! Decode an error body from the gateway and branch on its code and type.
//! Run with `cargo run --example branch_on_error`.

use openpixels_errors::{decode, is_provider_error, ErrorEnvelope};

/// What to do about one error answer, in words.
fn advice(body: &[u8]) -> String {
    let error = decode(body);
    match &error {
        ErrorEnvelope::NoCredits(envelope) => {
            format!("top up: needs {} credits, has {}", envelope.params.required, envelope.params.available)
        }
        // Also true for provider codes newer than this crate.
        _ if is_provider_error(&error) => format!("a provider failed, retry later: {error}"),
        _ => format!("failed: {error}"),
    }
}

fn main() {
    let no_credits = br#"{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"This job costs 25 credits but the balance is 10.","params":{"required":25,"available":10}}"#;
    let newer = br#"{"type":"PROVIDER_ERROR","code":"PROVIDER_CONTENT_POLICY","message":"Provider fal refused the prompt.","params":{"provider":"fal"}}"#;
    println!("{}", advice(no_credits));
    println!("{}", advice(newer));
}
