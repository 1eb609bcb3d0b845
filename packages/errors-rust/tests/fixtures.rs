//! The fixture set the Python and Go tests use, written by the TypeScript side (errors-python's
//! generator): one body per code from `createError(…).toJSON()`, and forward-compatibility
//! cases with the TypeScript decoder's verdict on each.

use openpixels_errors::{
    catalog_entry, decode, has_error_code, is_authentication_error, is_availability_error, is_bad_request_error,
    is_billing_error, is_internal_server_error, is_openpixels_error, is_provider_error, status_of, types,
    parse_as, ErrorEnvelope, CATALOG,
};
use serde_json::Value;
use std::error::Error;

fn fixtures() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../errors-python/tests/fixtures/error-bodies.json");
    let text = std::fs::read_to_string(path).expect("read the fixture file");
    serde_json::from_str(&text).expect("parse the fixture file")
}

fn cases(name: &str) -> Vec<Value> {
    let cases = fixtures()[name].as_array().cloned().unwrap_or_default();
    assert!(!cases.is_empty(), "no {name} fixtures");
    cases
}

/// What a client would receive: a JSON string body stands for a text answer (the TypeScript
/// decoder was given that text), anything else for its JSON.
fn wire_bytes(body: &Value) -> Vec<u8> {
    match body {
        Value::String(text) => text.clone().into_bytes(),
        other => serde_json::to_vec(other).expect("serialise a fixture body"),
    }
}

fn type_guards() -> Vec<(&'static str, fn(&(dyn Error + 'static)) -> bool)> {
    vec![
        (types::PROVIDER_ERROR, is_provider_error),
        (types::INTERNAL_SERVER_ERROR, is_internal_server_error),
        (types::BAD_REQUEST_ERROR, is_bad_request_error),
        (types::AUTHENTICATION_ERROR, is_authentication_error),
        (types::BILLING_ERROR, is_billing_error),
        (types::AVAILABILITY_ERROR, is_availability_error),
    ]
}

#[test]
fn there_is_one_body_per_code() {
    let codes: Vec<String> = cases("bodies").iter().map(|f| f["code"].as_str().unwrap().to_string()).collect();
    let catalog: Vec<String> = CATALOG.iter().map(|entry| entry.code.to_string()).collect();
    assert_eq!(codes, catalog);
}

#[test]
fn every_body_decodes_to_its_typed_variant_with_its_values() {
    for fixture in cases("bodies") {
        let code = fixture["code"].as_str().unwrap();
        let decoded = decode(&wire_bytes(&fixture["body"]));
        assert!(!matches!(decoded, ErrorEnvelope::Unrecognized(_)), "{code} decoded as unrecognized: {decoded:?}");
        assert_eq!(decoded.code(), code);
        assert_eq!(status_of(decoded.error_type(), decoded.code()), fixture["status"].as_u64().map(|s| s as u16));
        // Every member, params included, comes back with the value the server sent.
        assert_eq!(decoded.to_json(), fixture["body"], "{code} round trip");
        assert_eq!(decoded.doc_url(), fixture["body"]["doc_url"].as_str());
        assert_eq!(decoded.request_id(), fixture["body"]["request_id"].as_str());
    }
}

#[test]
fn every_body_deserialises_into_its_own_struct_only() {
    for fixture in cases("bodies") {
        let code = fixture["code"].as_str().unwrap();
        let body = fixture["body"].to_string();
        for entry in CATALOG {
            let accepted = matches!(parse_as(entry.code, serde_json::from_str(&body).unwrap()), Some(Ok(_)));
            assert_eq!(accepted, entry.code == code, "{}'s struct on a {code} body", entry.code);
        }
    }
}

#[test]
fn the_catalog_agrees_with_the_typescript_runtime() {
    for fixture in cases("bodies") {
        let entry = catalog_entry(fixture["code"].as_str().unwrap()).unwrap();
        assert_eq!(Some(u64::from(entry.status)), fixture["status"].as_u64());
        assert_eq!(Some(entry.error_type), fixture["body"]["type"].as_str());
        assert_eq!(Some(entry.doc_url), fixture["body"]["doc_url"].as_str());
    }
}

#[test]
fn exactly_the_guard_of_its_type_accepts_each_body() {
    for fixture in cases("bodies") {
        let decoded = decode(&wire_bytes(&fixture["body"]));
        let accepted: Vec<&str> = type_guards().into_iter().filter(|(_, guard)| guard(&decoded)).map(|(t, _)| t).collect();
        assert_eq!(accepted, vec![fixture["body"]["type"].as_str().unwrap()]);
        assert!(is_openpixels_error(&decoded));
        for entry in CATALOG {
            assert_eq!(has_error_code(&decoded, entry.code), entry.code == decoded.code());
        }
    }
}

#[test]
fn the_decoder_agrees_with_the_typescript_decoder() {
    for fixture in cases("forward_compat") {
        let name = fixture["name"].as_str().unwrap();
        let expected = &fixture["decoded"];
        let decoded = decode(&wire_bytes(&fixture["body"]));
        let got = decoded.to_json();
        for field in ["type", "code", "message", "request_id", "doc_url"] {
            assert_eq!(got.get(field), expected.get(field), "{name}: {field}");
        }
        let known = catalog_entry(expected["code"].as_str().unwrap()).is_some();
        if matches!(decoded, ErrorEnvelope::Unrecognized(_)) || !known {
            assert_eq!(got["params"], expected["params"], "{name}: params");
        } else {
            // A typed struct keeps the params it knows; a newer server's extra param is dropped.
            for (param, value) in got["params"].as_object().unwrap() {
                assert_eq!(Some(value), expected["params"].get(param), "{name}: {param}");
            }
        }
        assert!(is_openpixels_error(&decoded), "{name}");
    }
}
