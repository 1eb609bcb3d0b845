//! Decode error bodies from the gateway and branch on code and type.
//! Run with `cargo run --example branch_on_error`.

use openpixels_errors::{decode, is_provider_error, ErrorEnvelope};

fn main() {
    let bodies = [
        r#"{"type": "BILLING_ERROR", "code": "NO_CREDITS",
            "message": "Too few credits.",
            "params": {"required": 25, "available": 10}}"#,
        r#"{"type": "PROVIDER_ERROR", "code": "PROVIDER_TIMEOUT",
            "message": "fal was slow.",
            "params": {"provider": "fal", "timeout_ms": 60000}}"#,
    ];
    for body in bodies {
        let error = decode(body.as_bytes());
        match &error {
            ErrorEnvelope::NoCredits(e) => {
                let (need, has) = (e.params.required, e.params.available);
                println!("top up: needs {need}, has {has}")
            }
            // Also true for provider codes newer than this crate.
            _ if is_provider_error(&error) => {
                println!("provider failed, retry later: {error}")
            }
            _ => println!("failed: {error}"),
        }
    }
}
