//! The decoder and the generated structs on bodies written here: exactness, hostile input, guards.

use openpixels_errors::envelope::NoCreditsEnvelope;
use openpixels_errors::{
    catalog_entry, codes, decode, has_error_code, is_openpixels_error, is_provider_error, parse_as, type_entry, types,
    ErrorEnvelope, CATALOG, TYPES,
};
use serde_json::{json, Value};

const NO_CREDITS: &str =
    r#"{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"short","params":{"required":25,"available":10}}"#;

#[test]
fn no_credits_refuses_a_body_of_another_code() {
    let rate_limited = r#"{"type":"AVAILABILITY_ERROR","code":"RATE_LIMITED","message":"slow","params":{"retry_after_ms":1200}}"#;
    assert!(serde_json::from_str::<NoCreditsEnvelope>(rate_limited).is_err());
    let relabelled = NO_CREDITS.replace("\"code\":\"NO_CREDITS\"", "\"code\":\"RATE_LIMITED\"");
    assert!(serde_json::from_str::<NoCreditsEnvelope>(&relabelled).is_err());
    let parsed: NoCreditsEnvelope = serde_json::from_str(NO_CREDITS).unwrap();
    assert_eq!((parsed.params.required, parsed.params.available), (25, 10));
}

#[test]
fn params_must_have_their_types_and_required_members() {
    for body in [
        NO_CREDITS.replace("\"required\":25", "\"required\":\"25\""),
        NO_CREDITS.replace("\"required\":25", "\"required\":25.5"),
        NO_CREDITS.replace("\"required\":25,", ""),
        NO_CREDITS.replace("\"required\":25", "\"required\":null"),
        NO_CREDITS.replace("{\"required\":25,\"available\":10}", "null"),
        NO_CREDITS.replace("\"message\":\"short\",", ""),
    ] {
        let value: Value = serde_json::from_str(&body).unwrap();
        assert!(matches!(parse_as(codes::NO_CREDITS, value), Some(Err(_))), "accepted {body}");
    }
    assert!(parse_as("NO_SUCH_CODE", json!({})).is_none());
}

#[test]
fn a_known_code_with_params_of_another_shape_keeps_its_code() {
    let decoded = decode(NO_CREDITS.replace("\"required\":25", "\"required\":\"lots\"").as_bytes());
    match decoded {
        ErrorEnvelope::Unrecognized(envelope) => {
            assert_eq!(envelope.code, codes::NO_CREDITS);
            assert_eq!(envelope.params["required"], json!("lots"));
        }
        other => panic!("decoded to {other:?}"),
    }
}

#[test]
fn undecodable_bodies_become_unknown_error_keeping_the_body() {
    let cases: Vec<(&str, Value)> = vec![
        ("", json!("")),
        ("{", json!("{")),
        (" true ", json!(true)),
        ("[1,2]", json!("[1,2]")),
        (r#"{"error":null}"#, json!(r#"{"error":null}"#)),
        (r#"{"code":5}"#, json!(r#"{"code":5}"#)),
        (r#"{"type":"NOPE","code":"X","message":"y"}"#, json!(r#"{"type":"NOPE","code":"X","message":"y"}"#)),
        (r#"{"type":"PROVIDER_ERROR","code":"","message":"y"}"#, json!(r#"{"type":"PROVIDER_ERROR","code":"","message":"y"}"#)),
        (
            r#"{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"y","params":"x"}"#,
            json!(r#"{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"y","params":"x"}"#),
        ),
    ];
    for (body, raw) in cases {
        match decode(body.as_bytes()) {
            ErrorEnvelope::UnknownError(envelope) => {
                assert_eq!(envelope.params.raw, Some(raw), "{body}");
                assert_eq!(envelope.doc_url.as_deref(), catalog_entry(codes::UNKNOWN_ERROR).map(|e| e.doc_url));
            }
            other => panic!("{body:?} decoded to {other:?}"),
        }
    }
}

#[test]
fn long_bodies_are_cut_for_logs() {
    let decoded = decode("é".repeat(5000).as_bytes());
    let raw = decoded.to_json()["params"]["raw"].as_str().unwrap().to_string();
    assert_eq!(raw.chars().count(), 2001);
    assert!(raw.ends_with('\u{2026}'));
}

#[test]
fn a_job_result_gives_the_envelope_it_holds() {
    let result = format!(r#"{{"type":"result","id":"job_1","status":"failed","error":{NO_CREDITS}}}"#);
    match decode(result.as_bytes()) {
        ErrorEnvelope::NoCredits(envelope) => assert_eq!(envelope.params.required, 25),
        other => panic!("decoded to {other:?}"),
    }
}

#[derive(Debug)]
struct SubmitFailed(ErrorEnvelope);

impl std::fmt::Display for SubmitFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "submit failed")
    }
}

impl std::error::Error for SubmitFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[test]
fn guards_look_through_an_error_source_chain() {
    let timeout = br#"{"type":"PROVIDER_ERROR","code":"PROVIDER_TIMEOUT","message":"slow","params":{"provider":"fal","timeout_ms":60000}}"#;
    let wrapped = SubmitFailed(decode(timeout));
    assert!(is_provider_error(&wrapped));
    assert!(has_error_code(&wrapped, codes::PROVIDER_TIMEOUT));
    assert!(!has_error_code(&wrapped, codes::PROVIDER_ERROR));
    assert!(!is_provider_error(&std::fmt::Error));
    assert_eq!(decode(timeout).to_string(), "PROVIDER_TIMEOUT: slow");
}

#[test]
fn a_newer_code_passes_its_type_guard_but_not_has_error_code() {
    let newer = decode(br#"{"type":"PROVIDER_ERROR","code":"PROVIDER_QUOTA","message":"Quota.","params":{}}"#);
    assert!(matches!(newer, ErrorEnvelope::Unrecognized(_)));
    assert!(is_provider_error(&newer) && is_openpixels_error(&newer));
    for code in type_entry(types::PROVIDER_ERROR).unwrap().codes {
        assert!(!has_error_code(&newer, code));
    }
}

#[test]
fn the_catalog_matches_the_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../errors/schema/error-envelope.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let definitions = &schema["definitions"];
    let codes: Vec<&str> = CATALOG.iter().map(|entry| entry.code).collect();
    let types: Vec<&str> = TYPES.iter().map(|entry| entry.name).collect();
    assert_eq!(definitions["ErrorCode"]["enum"], json!(codes));
    assert_eq!(definitions["ErrorType"]["enum"], json!(types));
    let mut envelopes = 0;
    for definition in definitions.as_object().unwrap().values() {
        if let Some(code) = definition["properties"]["code"]["const"].as_str() {
            let entry = catalog_entry(code).unwrap();
            let prefix = format!("{code} ({}, HTTP {})", entry.error_type, entry.status);
            assert!(definition["description"].as_str().unwrap().starts_with(&prefix), "{code}");
            envelopes += 1;
        }
    }
    assert_eq!(envelopes, CATALOG.len());
    let listed: usize = TYPES.iter().map(|entry| entry.codes.len()).sum();
    assert_eq!(listed, CATALOG.len());
}
