//! The wire format of messages to the renderer: a JSON header followed by raw little-endian
//! f64 blocks. Long numeric arrays (figure data) travel as bytes the renderer views as
//! `Float64Array` without parsing, instead of as JSON number text.
//!
//! Layout: `u32 header length | 4 zero bytes | f64 blocks | header JSON`. The header comes
//! last so block offsets are known before it is written; each moved array is replaced in it
//! by `{"$f64": [byte offset, length]}`.
//!
//! A message with no long numeric array goes as plain JSON instead: Tauri hands JSON of up
//! to 8 KB to the page in one step, where bytes over 1 KB cost a second round trip (a
//! fan-out's batch is a few KB of JSON).

use serde_json::{Map, Value};
use tauri::ipc::InvokeResponseBody;

/// Arrays shorter than this stay JSON: below it the bytes save nothing worth a lookup.
pub const MIN_BINARY_LEN: usize = 256;

/// Integers beyond this lose precision as f64; arrays holding one stay exact JSON text.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

fn exact_as_f64(n: &serde_json::Number) -> bool {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => u <= MAX_EXACT_INTEGER,
        (None, Some(i)) => i.unsigned_abs() <= MAX_EXACT_INTEGER,
        (None, None) => true,
    }
}

fn all_numbers(items: &[Value]) -> bool {
    items.len() >= MIN_BINARY_LEN && items.iter().all(|v| v.as_number().is_some_and(exact_as_f64))
}

/// The key a block reference travels under, and the key that escapes a user object which
/// happens to look like one (or like an escape), so no user value is ever read as a block.
pub const BLOCK_KEY: &str = "$f64";
pub const ESCAPE_KEY: &str = "$esc";

fn looks_like_marker(m: &Map<String, Value>) -> bool {
    m.len() == 1 && (m.contains_key(BLOCK_KEY) || m.contains_key(ESCAPE_KEY))
}

/// Moves every long numeric array out of `v` into `blocks`, leaving references behind.
fn extract(v: &mut Value, blocks: &mut Vec<u8>, base: usize) {
    match v {
        Value::Array(items) if all_numbers(items) => {
            let offset = base + blocks.len();
            blocks.reserve(items.len() * 8);
            for n in items.iter() {
                blocks.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
            }
            let mut r = Map::new();
            r.insert(BLOCK_KEY.into(), Value::from(vec![offset, items.len()]));
            *v = Value::Object(r);
        }
        Value::Array(items) => items.iter_mut().for_each(|i| extract(i, blocks, base)),
        Value::Object(m) => {
            m.values_mut().for_each(|i| extract(i, blocks, base));
            if looks_like_marker(m) {
                let inner = std::mem::take(m);
                m.insert(ESCAPE_KEY.into(), Value::Object(inner));
            }
        }
        _ => {}
    }
}

/// Where the blocks begin: after the header length and padding that keeps them 8-aligned.
pub const BLOCKS_START: usize = 8;

/// Encodes one message for the window: a frame when it carries numeric blocks, plain JSON
/// otherwise.
pub fn encode<T: serde::Serialize>(message: &T) -> InvokeResponseBody {
    match serde_json::to_value(message) {
        Ok(v) => encode_message(v),
        // The message types serialize to JSON by construction (string keys, no failing
        // impls); should one ever fail, the window hears why instead of hanging.
        Err(e) => InvokeResponseBody::Json(serde_json::json!({"kind": "error", "error": {"callback": "shell", "inputs": [], "message": format!("message did not serialize: {e}")}}).to_string()),
    }
}

/// Bytes of an encoded message, for the log.
pub fn len(body: &InvokeResponseBody) -> usize {
    match body {
        InvokeResponseBody::Json(s) => s.len(),
        InvokeResponseBody::Raw(b) => b.len(),
    }
}

/// Encodes one JSON value: a frame when it carries numeric blocks, plain JSON otherwise.
pub fn encode_message(mut message: Value) -> InvokeResponseBody {
    let mut blocks = Vec::new();
    extract(&mut message, &mut blocks, BLOCKS_START);
    if blocks.is_empty() {
        InvokeResponseBody::Json(message.to_string())
    } else {
        InvokeResponseBody::Raw(frame(&message, &blocks))
    }
}

/// Encodes one message as a frame. Offsets in the header are absolute positions in the
/// frame, so the renderer makes its views straight on the received buffer.
#[cfg(test)]
pub fn encode_frame(mut message: Value) -> Vec<u8> {
    let mut blocks = Vec::new();
    extract(&mut message, &mut blocks, BLOCKS_START);
    frame(&message, &blocks)
}

fn frame(message: &Value, blocks: &[u8]) -> Vec<u8> {
    let header = serde_json::to_vec(message).unwrap_or_default();
    let mut frame = Vec::with_capacity(BLOCKS_START + blocks.len() + header.len());
    frame.extend_from_slice(&u32::try_from(header.len()).unwrap_or(u32::MAX).to_le_bytes());
    frame.extend_from_slice(&[0; BLOCKS_START - 4]);
    frame.extend_from_slice(blocks);
    frame.extend_from_slice(&header);
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// Decodes a frame the way the renderer does, back into plain JSON.
    fn decode(frame: &[u8]) -> Result<Value, Box<dyn std::error::Error>> {
        let len = u32::from_le_bytes(frame.get(..4).ok_or("short frame")?.try_into()?) as usize;
        let mut header: Value = serde_json::from_slice(frame.get(frame.len() - len..).ok_or("short frame")?)?;
        fn restore(v: &mut Value, frame: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
            if let Some(Value::Object(inner)) = v.as_object().filter(|m| m.len() == 1).and_then(|m| m.get(ESCAPE_KEY)).cloned() {
                let mut inner = Value::Object(inner);
                if let Value::Object(m) = &mut inner {
                    m.values_mut().try_for_each(|i| restore(i, frame))?;
                }
                *v = inner;
                return Ok(());
            }
            if let Some(pair) = v.get(BLOCK_KEY).and_then(Value::as_array).cloned() {
                let off = usize::try_from(pair.first().and_then(Value::as_u64).ok_or("offset")?)?;
                let n = usize::try_from(pair.get(1).and_then(Value::as_u64).ok_or("length")?)?;
                assert_eq!(off % 8, 0, "blocks are 8-aligned");
                let mut nums = Vec::with_capacity(n);
                for i in 0..n {
                    let bytes: [u8; 8] = frame.get(off + i * 8..off + i * 8 + 8).ok_or("block out of frame")?.try_into()?;
                    nums.push(json!(f64::from_le_bytes(bytes)));
                }
                *v = Value::Array(nums);
                return Ok(());
            }
            match v {
                Value::Array(items) => items.iter_mut().try_for_each(|i| restore(i, frame)),
                Value::Object(m) => m.values_mut().try_for_each(|i| restore(i, frame)),
                _ => Ok(()),
            }
        }
        restore(&mut header, frame)?;
        Ok(header)
    }

    #[test]
    fn long_numeric_arrays_travel_as_aligned_bytes_and_round_trip() -> TestResult {
        let xs: Vec<f64> = (0..1000).map(|i| f64::from(i) * 0.123_456_789).collect();
        let msg = json!({"kind": "batch", "figure": {"data": [{"x": xs.clone(), "y": xs, "name": "a"}]}, "short": [1, 2]});
        let frame = encode_frame(msg.clone());
        assert!(frame.len() < serde_json::to_vec(&msg)?.len(), "bytes are smaller than the JSON text");
        assert_eq!(decode(&frame)?, msg);
        Ok(())
    }

    #[test]
    fn messages_without_long_arrays_are_plain_json_after_the_length() -> TestResult {
        let msg = json!({"kind": "error", "message": "x"});
        assert_eq!(decode(&encode_frame(msg.clone()))?, msg);
        Ok(())
    }

    #[test]
    fn channel_messages_are_json_unless_they_carry_blocks() -> TestResult {
        let small = json!({"kind": "batch", "batch": {"updates": (0..50).map(|i| json!({"id": format!("f{i}"), "value": i})).collect::<Vec<_>>()}});
        match encode_message(small.clone()) {
            InvokeResponseBody::Json(text) => assert_eq!(serde_json::from_str::<Value>(&text)?, small),
            InvokeResponseBody::Raw(_) => return Err("a message without long arrays went as bytes".into()),
        }
        let big = json!({"figure": {"x": vec![0.5; 1000]}});
        match encode_message(big.clone()) {
            InvokeResponseBody::Raw(frame) => assert_eq!(decode(&frame)?, big),
            InvokeResponseBody::Json(_) => return Err("figure data went as JSON text".into()),
        }
        Ok(())
    }

    #[test]
    fn user_objects_shaped_like_markers_come_back_as_themselves() -> TestResult {
        let xs: Vec<f64> = (0..300).map(f64::from).collect();
        let msg = json!({
            "a": {"$f64": [8, 1000]},
            "b": {"$esc": {"$f64": [0, 1]}},
            "c": {"$f64": xs.clone()},
            "d": {"$f64": 1, "other": 2},
        });
        let frame = encode_frame(msg.clone());
        assert_eq!(decode(&frame)?, msg);
        Ok(())
    }

    #[test]
    fn integers_beyond_f64_precision_stay_exact_json() -> TestResult {
        let mut ids: Vec<Value> = (0..300u64).map(|i| json!(i)).collect();
        ids.push(json!(9_007_199_254_740_993u64)); // 2^53 + 1
        let msg = json!({"ids": ids});
        match encode_message(msg.clone()) {
            InvokeResponseBody::Json(text) => assert_eq!(serde_json::from_str::<Value>(&text)?, msg),
            InvokeResponseBody::Raw(_) => return Err("an inexact integer went into an f64 block".into()),
        }
        let near: Vec<Value> = (0..300u64).map(|i| json!((1u64 << 53) - i)).collect();
        assert!(matches!(encode_message(json!({"ids": near})), InvokeResponseBody::Raw(_)), "exact integers still go as bytes");
        Ok(())
    }

    #[test]
    fn mixed_arrays_stay_json() -> TestResult {
        let mut items: Vec<Value> = (0..300).map(|i| json!(i)).collect();
        items.push(json!(null));
        let msg = json!({"y": items});
        assert_eq!(decode(&encode_frame(msg.clone()))?, msg);
        Ok(())
    }
}
