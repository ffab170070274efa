//! The wire format of messages to the renderer: a JSON header followed by raw little-endian
//! f64 blocks. Long numeric arrays (figure data) travel as bytes the renderer views as
//! `Float64Array` without parsing, instead of as JSON number text.
//!
//! Layout: `u32 header length | 4 zero bytes | f64 blocks | header JSON`. The header comes
//! last so block offsets are known before it is written; each moved array is replaced in it
//! by `{"$f64": [byte offset, length]}`.

use serde_json::{Map, Value};

/// Arrays shorter than this stay JSON: below it the bytes save nothing worth a lookup.
pub const MIN_BINARY_LEN: usize = 256;

fn all_numbers(items: &[Value]) -> bool {
    items.len() >= MIN_BINARY_LEN && items.iter().all(Value::is_number)
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
            r.insert("$f64".into(), Value::from(vec![offset, items.len()]));
            *v = Value::Object(r);
        }
        Value::Array(items) => items.iter_mut().for_each(|i| extract(i, blocks, base)),
        Value::Object(m) => m.values_mut().for_each(|i| extract(i, blocks, base)),
        _ => {}
    }
}

/// Where the blocks begin: after the header length and padding that keeps them 8-aligned.
pub const BLOCKS_START: usize = 8;

/// Encodes one message. Offsets in the header are absolute positions in the frame, so the
/// renderer makes its views straight on the received buffer.
pub fn encode(mut message: Value) -> Vec<u8> {
    let mut blocks = Vec::new();
    extract(&mut message, &mut blocks, BLOCKS_START);
    let header = serde_json::to_vec(&message).unwrap_or_default();
    let mut frame = Vec::with_capacity(BLOCKS_START + blocks.len() + header.len());
    frame.extend_from_slice(&u32::try_from(header.len()).unwrap_or(u32::MAX).to_le_bytes());
    frame.extend_from_slice(&[0; BLOCKS_START - 4]);
    frame.extend_from_slice(&blocks);
    frame.extend_from_slice(&header);
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decode(frame: &[u8]) -> Value {
        let len = u32::from_le_bytes([frame[0], frame[1], frame[2], frame[3]]) as usize;
        let mut header: Value = serde_json::from_slice(&frame[frame.len() - len..]).expect("header");
        fn restore(v: &mut Value, frame: &[u8]) {
            if let Some(pair) = v.get("$f64").and_then(Value::as_array).cloned() {
                let (off, n) = (pair[0].as_u64().unwrap() as usize, pair[1].as_u64().unwrap() as usize);
                assert_eq!(off % 8, 0, "blocks are 8-aligned");
                let nums: Vec<Value> = (0..n)
                    .map(|i| {
                        let b: [u8; 8] = frame[off + i * 8..off + i * 8 + 8].try_into().unwrap();
                        json!(f64::from_le_bytes(b))
                    })
                    .collect();
                *v = Value::Array(nums);
                return;
            }
            match v {
                Value::Array(items) => items.iter_mut().for_each(|i| restore(i, frame)),
                Value::Object(m) => m.values_mut().for_each(|i| restore(i, frame)),
                _ => {}
            }
        }
        restore(&mut header, frame);
        header
    }

    #[test]
    fn long_numeric_arrays_travel_as_aligned_bytes_and_round_trip() {
        let xs: Vec<f64> = (0..1000).map(|i| f64::from(i) * 0.123_456_789).collect();
        let msg = json!({"kind": "batch", "figure": {"data": [{"x": xs.clone(), "y": xs.clone(), "name": "a"}]}, "short": [1, 2]});
        let frame = encode(msg.clone());
        assert!(frame.len() < serde_json::to_vec(&msg).unwrap().len(), "bytes are smaller than the JSON text");
        assert_eq!(decode(&frame), msg);
    }

    #[test]
    fn messages_without_long_arrays_are_plain_json_after_the_length() {
        let msg = json!({"kind": "error", "message": "x"});
        let frame = encode(msg.clone());
        assert_eq!(decode(&frame), msg);
    }

    #[test]
    fn mixed_arrays_stay_json() {
        let mut items: Vec<Value> = (0..300).map(|i| json!(i)).collect();
        items.push(json!(null));
        let msg = json!({"y": items});
        assert_eq!(decode(&encode(msg.clone())), msg);
    }
}
